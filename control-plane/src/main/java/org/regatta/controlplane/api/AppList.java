package org.regatta.controlplane.api;

import java.util.List;

/** The body of {@code GET /v2/apps}: {@code {"apps": [...]}}. */
public record AppList(List<App> apps) {

  public AppList {
    apps = Copies.list(apps);
  }
}
