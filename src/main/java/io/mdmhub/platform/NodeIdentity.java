package io.mdmhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this server node as it appears in cancellation job ids: {@code mdm.node.name} when
 * set, else the host's address, with {@code .} and {@code :} replaced by {@code _}. Nodes that
 * share a host must each set {@code mdm.node.name}.
 */
@ApplicationScoped
public class NodeIdentity {

  @Inject
  @ConfigProperty(name = "mdm.node.name")
  Optional<String> configuredName;

  private String name;

  @PostConstruct
  void init() {
    String raw =
        configuredName
            .filter(n -> !n.isBlank())
            .map(String::trim)
            .orElseGet(NodeIdentity::hostAddress);
    name = raw.replace('.', '_').replace(':', '_');
  }

  private static String hostAddress() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }

  public String name() {
    return name;
  }
}
