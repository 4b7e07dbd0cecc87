package prefs.notify;

/** A way of reaching a user. */
public enum Channel {
  EMAIL,
  SMS
}
