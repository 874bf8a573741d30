package org.regatta.provisioner.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands complete UTF-8 lines (without {@code \n} or {@code \r}) to a
 * consumer. A consumer that throws is not called again; its exception is kept for the caller.
 */
final class LineSink extends OutputStream {

  private final Consumer<String> lines;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private RuntimeException failure;

  LineSink(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      pending.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        pending.write(b, start, i - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(b, start, off + len - start);
  }

  /** Emits a last line that had no newline. */
  @Override
  public synchronized void close() {
    if (pending.size() > 0) {
      emit();
    }
  }

  synchronized RuntimeException failure() {
    return failure;
  }

  private void emit() {
    String line = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (failure == null) {
      try {
        lines.accept(line);
      } catch (RuntimeException e) {
        failure = e;
      }
    }
  }
}
