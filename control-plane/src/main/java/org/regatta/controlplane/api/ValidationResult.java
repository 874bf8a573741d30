package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Marathon answers a request it will not accept. A body it could read but will not take is a
 * 422 {@code {"message": "Object is not valid" | "Invalid JSON", "details": [{"path": "/cpus",
 * "errors": ["..."]}]}}, paths using Marathon's {@code (index)} for array elements
 * ({@code /healthChecks(0)/port}). A body that is not JSON at all is a 400 whose {@code details} is
 * the parser's message ({@code cause}). A valid result has no message.
 */
public record ValidationResult(String message, List<Detail> details, String cause) {

  /** Semantic errors in a well-formed body. */
  public static final String OBJECT_NOT_VALID = "Object is not valid";
  /** A value of the wrong JSON type (422), or a body that does not parse (400). */
  public static final String INVALID_JSON = "Invalid JSON";
  /** An empty body (400). */
  public static final String NO_JSON = "Please specify data in JSON format";

  private static final ValidationResult VALID = new ValidationResult(null, List.of(), null);

  /** The errors at one path. */
  public record Detail(String path, List<String> errors) {
    public Detail {
      errors = List.copyOf(errors);
    }
  }

  public ValidationResult {
    details = List.copyOf(details);
    if (message == null && (!details.isEmpty() || cause != null)) {
      throw new IllegalArgumentException("errors need a message");
    }
  }

  public static ValidationResult valid() {
    return VALID;
  }

  /** A body that does not parse: Marathon's 400 with the parser's message. */
  public static ValidationResult malformed(String message, String parserMessage) {
    return new ValidationResult(message, List.of(), parserMessage);
  }

  /** One error at one path, in Marathon's "Object is not valid" form. */
  public static ValidationResult of(String path, String error) {
    return new ValidationResult(OBJECT_NOT_VALID, List.of(new Detail(path, List.of(error))), null);
  }

  @JsonIgnore
  public boolean isValid() {
    return message == null;
  }

  /** The HTTP status Marathon gives this result: 200 when valid, 400 when malformed, else 422. */
  @JsonIgnore
  public int httpStatus() {
    if (isValid()) {
      return 200;
    }
    return cause != null ? 400 : 422;
  }

  /** The errors at {@code path} (empty when there are none). */
  public List<String> errorsAt(String path) {
    for (Detail d : details) {
      if (d.path().equals(path)) {
        return d.errors();
      }
    }
    return List.of();
  }

  /** This result with every path put under {@code prefix} ({@code /apps(2)/cpus}). */
  public ValidationResult under(String prefix) {
    if (isValid() || cause != null || prefix.isEmpty()) {
      return this;
    }
    Violations v = new Violations();
    v.addAll(this, prefix);
    return v.result(message);
  }

  /** Both results' details, under this one's message (or the other's when this one is valid). */
  public ValidationResult and(ValidationResult other) {
    if (other.isValid()) {
      return this;
    }
    if (isValid()) {
      return other;
    }
    Violations v = new Violations();
    v.addAll(this, "");
    v.addAll(other, "");
    return v.result(message);
  }

  /** Marathon's response body. */
  @JsonValue
  Map<String, Object> toJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (message != null) {
      body.put("message", message);
    }
    body.put("details", cause != null ? cause : details);
    return body;
  }
}
