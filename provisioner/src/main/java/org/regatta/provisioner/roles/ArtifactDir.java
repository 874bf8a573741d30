package org.regatta.provisioner.roles;

import java.nio.file.Path;
import java.util.List;

/**
 * A directory on the node that holds exactly {@code files} (by file name): the runner uploads
 * what differs, removes what is not listed, and marks {@code service} dirty when anything changed.
 */
public record ArtifactDir(String remoteDir, List<Path> files, String service) {

  public ArtifactDir {
    if (!remoteDir.startsWith("/")) {
      throw new IllegalArgumentException("artifact directory must be absolute: " + remoteDir);
    }
    files = List.copyOf(files);
  }
}
