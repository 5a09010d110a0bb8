package io.mdmhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares the OpenAPI document with the JAX-RS resources. Every GET, POST and PUT method of every
 * resource class must have an operation at the same path with the same path and query parameters,
 * and the document must have no operation the code lacks. OPTIONS handlers only reject requests, so
 * they are left out.
 */
class OpenApiCoverageTest {

  private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");

  @Test
  void operationsMatchResources() throws Exception {
    OpenAPI document =
        OpenApiDocumentIT.parse(
            Files.readString(
                java.nio.file.Path.of("src/main/resources/META-INF/openapi.yaml"),
                StandardCharsets.UTF_8));
    Map<String, String> resources = resourceOperations();
    assertTrue(resources.size() >= 16, "resource methods found: " + resources.keySet());
    assertEquals(resources, documentOperations(document), "operations and parameters");
  }

  private static Map<String, String> documentOperations(OpenAPI document) {
    Map<String, String> operations = new TreeMap<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            operations.put(
                                method + " " + path, parameters(document, item, operation))));
    return operations;
  }

  private static String parameters(OpenAPI document, PathItem item, Operation operation) {
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (operation.getParameters() != null) {
      all.addAll(operation.getParameters());
    }
    TreeSet<String> names = new TreeSet<>();
    for (Parameter parameter : all) {
      Parameter resolved = parameter;
      if (parameter.get$ref() != null) {
        String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
        resolved = document.getComponents().getParameters().get(name);
      }
      names.add(resolved.getIn() + ":" + resolved.getName());
    }
    return names.toString();
  }

  private static Map<String, String> resourceOperations()
      throws IOException, ReflectiveOperationException {
    Map<String, String> operations = new TreeMap<>();
    String root = "/mdm";
    try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = CLASSES.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name, false, OpenApiCoverageTest.class.getClassLoader());
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null) {
          continue;
        }
        for (Method method : type.getDeclaredMethods()) {
          String verb = verb(method);
          if (verb == null) {
            continue;
          }
          Path methodPath = method.getAnnotation(Path.class);
          String path =
              root + "/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
          TreeSet<String> names = new TreeSet<>();
          for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            if (parameter.getAnnotation(PathParam.class) != null) {
              names.add("path:" + parameter.getAnnotation(PathParam.class).value());
            }
            if (parameter.getAnnotation(QueryParam.class) != null) {
              names.add("query:" + parameter.getAnnotation(QueryParam.class).value());
            }
          }
          operations.put(verb + " " + path.replace("//", "/"), names.toString());
        }
      }
    }
    return operations;
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    return null;
  }
}
