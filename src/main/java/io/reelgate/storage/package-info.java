/** Where bytes live: the {@code BlobStore} port with filesystem and S3 adapters. */
@ApplicationModule(allowedDependencies = {})
package io.reelgate.storage;

import org.springframework.modulith.ApplicationModule;
