package prefs.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * A notifier that only remembers what it was asked to send. It stands in for the real gateways in
 * development and in tests.
 */
public final class RecordingNotifier implements Notifier {

  /** One message handed to the notifier. */
  public record Sent(Channel channel, String address, String text) {}

  private final List<Sent> sent = new ArrayList<>();

  @Override
  public synchronized void send(Channel channel, String address, String text) {
    sent.add(new Sent(channel, address, text));
  }

  /** Everything sent so far, oldest first. */
  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }
}
