package test;

import dev.agenttrace.annotations.Sensitive;
import dev.agenttrace.annotations.SpanAttribute;
import dev.agenttrace.annotations.Tool;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Tools on the order database. */
@Tool(captureArguments = true)
public interface OrderTools {
  @Tool(name = "lookup_order", description = "Find an order by id")
  String lookupOrder(@SpanAttribute("order.id") String orderId)
      throws IOException;

  @Tool(name = "refund", captureResult = true)
  CompletionStage<String> refund(
      @SpanAttribute("order.id") String orderId,
      @Sensitive String cardNumber,
      long cents);

  void audit(String note, @SpanAttribute("audit.tags") List<String> tags);

  default String describe() {
    return "orders";
  }
}
