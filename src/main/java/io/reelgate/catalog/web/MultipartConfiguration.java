package io.reelgate.catalog.web;

import io.reelgate.catalog.UploadLimits;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Sizes the servlet container's multipart parsing from the catalog's own file limit, so operators set one
 * number. Parts are spooled to disk past 1 MB: a film never sits in the heap.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

	private static final long FORM_FIELDS_ALLOWANCE = DataSize.ofMegabytes(1).toBytes();

	private static final int SPOOL_THRESHOLD = (int) DataSize.ofMegabytes(1).toBytes();

	@Bean
	MultipartConfigElement multipartConfigElement(UploadLimits limits) {
		long max = Math.max(limits.maxFileSize().toBytes(), limits.maxCoverSize().toBytes()) + FORM_FIELDS_ALLOWANCE;
		return new MultipartConfigElement(null, max, max, SPOOL_THRESHOLD);
	}
}
