package org.regatta.controlplane.agent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The environment a task sees, as Marathon and Mesos set it: the app's {@code env}, then
 * {@code PORT0..n}, {@code PORT_<NAME>}, {@code PORT}, {@code PORTS}, {@code HOST},
 * {@code MESOS_TASK_ID}, {@code MESOS_SANDBOX}, {@code MARATHON_APP_ID} and the resource sizes.
 * The runtime's variables win over the app's on a name clash.
 */
public final class TaskEnvironment {

  private TaskEnvironment() {}

  /** Builds the task's variables; {@code sandbox} is the path the task sees its sandbox at. */
  public static Map<String, String> of(TaskSpec spec, String host, String sandbox) {
    Map<String, String> env = new LinkedHashMap<>(spec.env());
    StringJoiner all = new StringJoiner(",");
    for (int i = 0; i < spec.ports().size(); i++) {
      String port = Integer.toString(spec.ports().get(i));
      env.put("PORT" + i, port);
      String name = spec.portName(i);
      if (!name.isEmpty()) {
        env.put("PORT_" + envName(name), port);
      }
      all.add(port);
    }
    if (!spec.ports().isEmpty()) {
      env.put("PORT", Integer.toString(spec.ports().get(0)));
      env.put("PORTS", all.toString());
    }
    env.put("HOST", host);
    env.put("MESOS_TASK_ID", spec.taskId());
    env.put("MESOS_SANDBOX", sandbox);
    env.put("MARATHON_APP_ID", spec.appId());
    env.put("MARATHON_APP_RESOURCE_CPUS", Double.toString(spec.cpus()));
    env.put("MARATHON_APP_RESOURCE_MEM", Double.toString(spec.memMb()));
    return env;
  }

  /** {@code http-admin} → {@code HTTP_ADMIN}: upper case, anything but letters and digits → _. */
  static String envName(String portName) {
    return portName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }
}
