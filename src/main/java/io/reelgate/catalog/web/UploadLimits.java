package io.reelgate.catalog.web;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Sizes the servlet container's multipart parsing from the catalog's own file limit, so operators set one
 * number. Parts are spooled to disk past 1 MB: a film never sits in the heap.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	private static final long FORM_FIELDS_ALLOWANCE = DataSize.ofMegabytes(1).toBytes();

	@Bean
	MultipartConfigElement multipartConfigElement(@Value("${reelgate.catalog.max-file-size:20GB}") DataSize maxFileSize) {
		long max = maxFileSize.toBytes() + FORM_FIELDS_ALLOWANCE;
		return new MultipartConfigElement(null, max, max, (int) DataSize.ofMegabytes(1).toBytes());
	}
}
