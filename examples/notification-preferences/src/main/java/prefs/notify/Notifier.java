package prefs.notify;

/** Delivers one message to one address: the email and SMS gateways, behind one interface. */
public interface Notifier {

  /**
   * Sends {@code text} to {@code address} (an email address or a phone number, as {@code channel}
   * says).
   */
  void send(Channel channel, String address, String text);
}
