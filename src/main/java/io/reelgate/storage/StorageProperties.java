package io.reelgate.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files are kept.
 *
 * @param filesystemRoot the directory of the filesystem store
 */
@ConfigurationProperties("reelgate.storage")
record StorageProperties(@DefaultValue("./data/files") String filesystemRoot) {
}
