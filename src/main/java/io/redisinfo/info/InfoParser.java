package io.redisinfo.info;

/** Parses the text of an INFO reply. Never throws; see {@link Info}. */
public final class InfoParser {
  public Info parse(CharSequence text) {
    throw new UnsupportedOperationException("TODO");
  }
}
