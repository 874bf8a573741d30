package org.regatta.provisioner.ssh;

import java.nio.file.Path;

/**
 * A deployment's login key pair on disk.
 *
 * @param privateKey OpenSSH private key file, mode 0600
 * @param publicKey the matching {@code .pub} file
 * @param publicKeyLine its one line, {@code ssh-ed25519 AAAA… comment}, as authorized_keys takes it
 * @param fingerprint {@code SHA256:…} as {@code ssh-keygen -l} prints it
 */
public record SshKey(Path privateKey, Path publicKey, String publicKeyLine, String fingerprint) {}
