package io.redisinfo.component;

/** Told of every change to the registry's components, in order, on the thread that made it. */
public interface ComponentListener {
  /**
   * @param previous the component before, or null when added
   * @param current the component now, or null when removed
   */
  void onChanged(ParsedComponent previous, ParsedComponent current);
}
