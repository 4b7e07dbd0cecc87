package prefs.notify;

import java.util.List;
import prefs.testing.Check;

public final class RecordingNotifierTest {

  public static void main(String[] args) {
    RecordingNotifier notifier = new RecordingNotifier();
    Check.equal(List.of(), notifier.sent(), "nothing sent yet");

    notifier.send(Channel.EMAIL, "ada@example.com", "Your order has shipped");
    notifier.send(Channel.SMS, "+44 20 7946 0001", "Your order has shipped");

    Check.equal(
        List.of(
            new RecordingNotifier.Sent(Channel.EMAIL, "ada@example.com", "Your order has shipped"),
            new RecordingNotifier.Sent(Channel.SMS, "+44 20 7946 0001", "Your order has shipped")),
        notifier.sent(),
        "messages in the order they were sent");
    Check.done();
  }
}
