package io.agentmetrics.server.http;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OTLP/gRPC service (its one unary {@code Export} method): the request decoded on the ingest
 * workers into the same builder the HTTP endpoint fills (INVALID_ARGUMENT with the parser's reason
 * when it cannot be), recorded by the same receiver, answered with its export response ({@code
 * partial_success} counting the refused items).
 */
final class OtlpGrpcService {

  private static final Logger LOG = LoggerFactory.getLogger(OtlpGrpcService.class);

  private OtlpGrpcService() {}

  /**
   * The method's full name, e.g. {@code
   * opentelemetry.proto.collector.trace.v1.TraceService/Export}.
   */
  static String exportMethod(String serviceName) {
    return MethodDescriptor.generateFullMethodName(serviceName, "Export");
  }

  /**
   * The service {@code serviceName}, whose requests {@code receiver} records.
   *
   * @param requests a new, empty export request builder
   * @param receiver records a decoded request and returns the export response
   */
  static <B extends Message.Builder> ServerServiceDefinition of(
      String serviceName, Supplier<B> requests, Function<B, Message> receiver) {
    MethodDescriptor<Decoded<B>, Message> export =
        MethodDescriptor.<Decoded<B>, Message>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(exportMethod(serviceName))
            .setRequestMarshaller(new Requests<>(requests))
            .setResponseMarshaller(new Responses())
            .build();
    return ServerServiceDefinition.builder(serviceName)
        .addMethod(
            export,
            ServerCalls.asyncUnaryCall(
                (request, answer) -> {
                  if (request.problem() != null) {
                    answer.onError(
                        Status.INVALID_ARGUMENT
                            .withDescription(
                                "the message is not an OTLP export request: " + request.problem())
                            .asRuntimeException());
                    return;
                  }
                  Message response;
                  try {
                    response = receiver.apply(request.builder());
                  } catch (RuntimeException e) {
                    LOG.error("OTLP/gRPC call {} failed", serviceName, e);
                    answer.onError(
                        Status.INTERNAL.withDescription("internal error").asRuntimeException());
                    return;
                  }
                  answer.onNext(response);
                  answer.onCompleted();
                }))
        .build();
  }

  /** A decoded request, or why it could not be decoded. */
  record Decoded<B>(B builder, String problem) {}

  /** Decodes requests without throwing, so a bad one is INVALID_ARGUMENT rather than UNKNOWN. */
  private static final class Requests<B extends Message.Builder>
      implements MethodDescriptor.Marshaller<Decoded<B>> {
    private final Supplier<B> requests;

    Requests(Supplier<B> requests) {
      this.requests = requests;
    }

    @Override
    public InputStream stream(Decoded<B> value) {
      throw new UnsupportedOperationException("the server never sends requests");
    }

    @Override
    public Decoded<B> parse(InputStream stream) {
      B builder = requests.get();
      try {
        builder.mergeFrom(bytes(stream));
        return new Decoded<>(builder, null);
      } catch (IOException e) {
        return new Decoded<>(null, OtlpHandler.withoutClassNames(e.getMessage()));
      }
    }
  }

  /**
   * The message as one array, which protobuf parses much faster than a stream. grpc-java's stream
   * of an uncompressed message knows its length (available() is exact, bounded by the message
   * limit): one copy. A decompressed one does not: the rest is read as it comes.
   */
  static byte[] bytes(InputStream stream) throws IOException {
    byte[] known = stream.readNBytes(stream.available());
    int next = stream.read();
    if (next == -1) {
      return known;
    }
    byte[] rest = stream.readAllBytes();
    byte[] all = new byte[known.length + 1 + rest.length];
    System.arraycopy(known, 0, all, 0, known.length);
    all[known.length] = (byte) next;
    System.arraycopy(rest, 0, all, known.length + 1, rest.length);
    return all;
  }

  /** Writes responses; the server never reads one. */
  private static final class Responses implements MethodDescriptor.Marshaller<Message> {
    @Override
    public InputStream stream(Message value) {
      return new ByteArrayInputStream(value.toByteArray());
    }

    @Override
    public Message parse(InputStream stream) {
      throw new UnsupportedOperationException("the server never reads responses");
    }
  }
}
