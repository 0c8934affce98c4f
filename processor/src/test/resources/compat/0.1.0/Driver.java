package test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class Driver implements Callable<Object> {
  @Override
  public Object call() throws Exception {
    OrderTools tools =
        OrderToolsTraced.wrap(
            new OrderTools() {
              @Override
              public String lookupOrder(String orderId) {
                return "order " + orderId;
              }

              @Override
              public CompletionStage<String> refund(String orderId, String card, long cents) {
                return CompletableFuture.completedFuture("refunded " + cents);
              }

              @Override
              public void audit(String note, List<String> tags) {}
            });
    tools.audit("checked", List.of("a"));
    return tools.lookupOrder("42") + ", " + tools.refund("42", "4111", 500).toCompletableFuture().get();
  }
}
