package io.mdmhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
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

  /**
   * Returns the host's address, or the first address of an active network interface when the host
   * name resolves to loopback, as it does on many Linux machines.
   */
  private static String hostAddress() {
    try {
      InetAddress local = InetAddress.getLocalHost();
      if (!local.isLoopbackAddress()) {
        return local.getHostAddress();
      }
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!network.isUp() || network.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address.getHostAddress();
          }
        }
      }
      return local.getHostAddress();
    } catch (IOException e) {
      return "127.0.0.1";
    }
  }

  public String name() {
    return name;
  }
}
