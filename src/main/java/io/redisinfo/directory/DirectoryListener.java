package io.redisinfo.directory;

/**
 * Told of every change of a directory entry, in order, on the thread that made it. Implementations
 * must be quick and must not call back into the directory's mutators.
 */
public interface DirectoryListener {
  /**
   * @param previous the entry before, or null when added
   * @param current the entry now, or null when removed
   */
  void onChanged(String key, DirectoryEntry previous, DirectoryEntry current);
}
