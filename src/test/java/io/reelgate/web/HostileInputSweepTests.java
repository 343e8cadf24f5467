package io.reelgate.web;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.Scope;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The whole class of "no input gets a 500": every endpoint Spring MVC maps (read from the
 * {@link RequestMappingHandlerMapping}, so a new endpoint is swept without anyone adding it here) is sent a corpus of
 * hostile values in every query and form field it binds, in its JSON body and in its path, as the role its path
 * needs and with a valid CSRF token. No answer may be a 5xx, and a state-changing request whose fields all hold a
 * value no field accepts must leave every table as it was.
 */
@IntegrationTest
class HostileInputSweepTests {

	/** Endpoints not swept, each with the reason. */
	private static final Map<String, String> EXCLUDED = Map.of(
			"/error", "Spring Boot's error page: it renders the failure of another request",
			"/logout", "ends the session whatever it is sent: it takes no input",
			"/stripe/webhook", "its input is a payload signed by Stripe, checked before anything is read");

	/** Tables that change on any request or in the background, so a before/after comparison says nothing. */
	private static final Set<String> VOLATILE_TABLES = Set.of("spring_session", "spring_session_attributes",
			"rate_limit_buckets", "bucket", "buckets", "event_publication", "event_publication_archive", "shedlock",
			"analytics_events", "analytics_salts", "analytics_daily", "analytics_daily_unlocks", "analytics_daily_money",
			"analytics_daily_referrers", "download_activity", "download_log", "flyway_schema_history",
			// Instance heartbeats, HLS packaging, BitTorrent piece hashing and peer expiry run in the background.
			"cluster_instances", "hls_packages", "hls_renditions", "torrent_piece_hashes", "torrent_peers");

	private static final String MEGABYTE = "x".repeat(1024 * 1024);

	/** Values no field of this site accepts (no text holds NUL, none is a megabyte): refused, nothing stored. */
	private static final Map<String, String> REFUSED = new LinkedHashMap<>();

	/** Values that may be valid somewhere (a reason may be digits) but must never break anything. */
	private static final Map<String, String> ODD = new LinkedHashMap<>();

	static {
		REFUSED.put("NUL", "a\u0000b");
		REFUSED.put("1 MB", MEGABYTE);
		ODD.put("huge number", "99999999999999999999999999999");
		ODD.put("negative number", "-2147483649");
		ODD.put("zero", "0");
		ODD.put("exponent", "1e400");
		ODD.put("far date", "+999999999-12-31");
		ODD.put("far date-time", "999999999-12-31T23:59");
		ODD.put("far instant", "+999999999-01-01T00:00:00Z");
		ODD.put("lone surrogate", "\uD800");
		ODD.put("invalid UTF-8 read as Latin-1", new String(new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF },
				StandardCharsets.ISO_8859_1));
		ODD.put("empty", "");
		ODD.put("wrong type", "[object Object]");
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private AccountPrincipal creator;

	private AccountPrincipal viewer;

	private AccountPrincipal admin;

	private BundleId bundle;

	private FileView file;

	private String token;

	private final List<String> failures = new ArrayList<>();

	private int requests;

	@BeforeEach
	void aCreatorWithAPricedBundleAViewerAndAnAdmin() {
		creator = fixtures.creator();
		viewer = fixtures.viewer();
		admin = fixtures.admin();
		bundle = fixtures.draft(creator, Fixtures.unique("Swept"), "poster".getBytes(), "7.00", "USD");
		file = fixtures.addFile(creator, bundle, "film.txt", "bytes".getBytes());
		fixtures.publish(creator, bundle);
		token = fixtures.as(creator, () -> tokens.create(creator.accountId(), "sweep", EnumSet.allOf(Scope.class),
				Optional.empty())).secret();
	}

	@Test
	void noEndpointAnswersAHostileValueWithA5xxOrStoresIt() throws Exception {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).as("the sweep finds the application's endpoints").hasSizeGreaterThan(50);
		for (Endpoint endpoint : endpoints) {
			if (endpoint.bindsValues()) {
				for (Map.Entry<String, String> value : REFUSED.entrySet()) {
					send(endpoint, value.getKey(), value.getValue(), !endpoint.fields().isEmpty());
				}
				for (Map.Entry<String, String> value : ODD.entrySet()) {
					send(endpoint, value.getKey(), value.getValue(), false);
				}
			}
			else {
				// Nothing would carry a value: one request stands for every value of the corpus.
				send(endpoint, "no field", "", false);
			}
			sendBodies(endpoint);
			sendHostilePaths(endpoint);
		}
		System.out.printf("MEASURED the sweep sent %,d requests to %d endpoints%n", requests, endpoints.size());
		assertThat(failures).isEmpty();
	}

	/** Every field the handler binds gets {@code value}; {@code unchanged}: no table may differ afterwards. */
	private void send(Endpoint endpoint, String label, String value, boolean unchanged) throws Exception {
		MockHttpServletRequestBuilder request = request(endpoint.method(), path(endpoint, null));
		for (String field : endpoint.fields()) {
			request.param(field, value);
		}
		if (endpoint.json() != null) {
			StringBuilder json = new StringBuilder("{");
			for (String field : endpoint.json()) {
				json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":\"")
					.append(jsonEscaped(value)).append('"');
			}
			request.contentType(MediaType.APPLICATION_JSON).content(json.append('}').toString());
		}
		perform(endpoint, label, request, unchanged && endpoint.changesState());
	}

	/** Empty and malformed bodies, and the wrong content types (a file form sent as text or JSON). */
	private void sendBodies(Endpoint endpoint) throws Exception {
		if (!endpoint.changesState()) {
			return;
		}
		perform(endpoint, "empty body", request(endpoint.method(), path(endpoint, null)), false);
		perform(endpoint, "text/plain body", request(endpoint.method(), path(endpoint, null))
			.contentType(MediaType.TEXT_PLAIN).content("title=x"), false);
		perform(endpoint, "JSON body", request(endpoint.method(), path(endpoint, null))
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\":1e400,\"price\":[],\"file\":{}}"), false);
		perform(endpoint, "truncated JSON", request(endpoint.method(), path(endpoint, null))
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\":"), false);
		perform(endpoint, "JSON of the wrong shape", request(endpoint.method(), path(endpoint, null))
			.contentType(MediaType.APPLICATION_JSON).content("[\"a\\u0000\", 99999999999999999999]"), false);
		perform(endpoint, "half a multipart body", request(endpoint.method(), path(endpoint, null))
			.contentType("multipart/form-data; boundary=xyz").content("--xyz\r\nContent-Disposition: form-data"), false);
	}

	/** Each path variable in turn replaced by a value no id has. */
	private void sendHostilePaths(Endpoint endpoint) throws Exception {
		for (String hostile : List.of("-1", "99999999999999999999", "%C3%28")) {
			if (VARIABLE.matcher(endpoint.pattern()).find()) {
				perform(endpoint, "path " + hostile, request(endpoint.method(), path(endpoint, hostile)), false);
			}
		}
	}

	private void perform(Endpoint endpoint, String label, MockHttpServletRequestBuilder request, boolean unchanged)
			throws Exception {
		String where = endpoint.method() + " " + endpoint.pattern() + " with " + label;
		authenticate(endpoint, request);
		Map<String, Long> before = unchanged ? tables() : Map.of();
		requests++;
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			failures.add(where + ": threw " + ex);
			return;
		}
		if (response.getStatus() >= 500) {
			failures.add(where + ": " + response.getStatus());
		}
		if (unchanged) {
			Map<String, Long> after = tables();
			if (!after.equals(before)) {
				failures.add(where + ": changed " + changed(before, after));
			}
		}
	}

	private void authenticate(Endpoint endpoint, MockHttpServletRequestBuilder request) {
		request.with(csrf());
		String path = endpoint.pattern();
		if (path.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + token);
		}
		else if (path.startsWith("/admin")) {
			request.with(user(admin));
		}
		else if (path.startsWith("/studio")) {
			request.with(user(creator));
		}
		else if (!path.startsWith("/signup") && !path.startsWith("/login") && !path.startsWith("/password")) {
			request.with(user(viewer));
		}
	}

	/** The path with each variable filled by a real id of its type, or every variable by {@code hostile}. */
	private String path(Endpoint endpoint, String hostile) {
		Matcher variable = VARIABLE.matcher(endpoint.pattern().replace("/**", "/x"));
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String value = hostile != null ? hostile : idFor(endpoint.variables().get(variable.group(1)));
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return UriComponentsBuilder.fromUriString(path.toString()).build(hostile != null && hostile.contains("%"))
			.toUriString();
	}

	private String idFor(Class<?> type) {
		if (type == BundleId.class) {
			return bundle.toString();
		}
		if (type == BundleFileId.class) {
			return file.id().toString();
		}
		if (type == AccountId.class) {
			return creator.accountId().toString();
		}
		if (type == OrderId.class || type == UUID.class) {
			return UUID.randomUUID().toString();
		}
		return "days";
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (EXCLUDED.containsKey(pattern)) {
					continue;
				}
				for (HttpMethod method : methods(info)) {
					endpoints.add(Endpoint.of(pattern, method, handler));
				}
			}
		});
		return endpoints;
	}

	private static List<HttpMethod> methods(RequestMappingInfo info) {
		Set<org.springframework.web.bind.annotation.RequestMethod> declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			return List.of(HttpMethod.GET, HttpMethod.POST);
		}
		return declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
	}

	/** Row count and a content checksum of every table that does not change by itself. */
	private Map<String, Long> tables() {
		List<String> names = jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
			.query(String.class).list();
		StringBuilder sql = new StringBuilder();
		for (String name : names) {
			if (VOLATILE_TABLES.contains(name)) {
				continue;
			}
			// The popularity job rewrites bundles.popularity every few minutes, so that column is left out of the sum.
			String row = "bundles".equals(name) ? "(to_jsonb(t) - 'popularity')::text" : "t::text";
			sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(name)
				.append("' as name, count(*) + coalesce(sum(hashtext(").append(row).append(")::bigint), 0) as sum from \"")
				.append(name).append("\" t");
		}
		Map<String, Long> sums = new LinkedHashMap<>();
		jdbc.sql(sql.toString()).query((rs, row) -> sums.put(rs.getString("name"), rs.getLong("sum"))).list();
		return sums;
	}

	private static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
		return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
	}

	private static String jsonEscaped(String value) {
		StringBuilder out = new StringBuilder();
		value.chars().forEach(c -> out.append(c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate((char) c)
				? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c)));
		return out.toString();
	}

	/**
	 * One method and path of a handler, with the query and form fields it binds ({@code @RequestParam} names and the
	 * components of the records it binds as forms), the fields of its JSON body, and its path variables' types.
	 */
	private record Endpoint(String pattern, HttpMethod method, Set<String> fields, Set<String> json,
			Map<String, Class<?>> variables) {

		private static final Set<Class<?>> NOT_BOUND = Set.of(Model.class, Errors.class, RedirectAttributes.class,
				Locale.class, Principal.class, ServletRequest.class, ServletResponse.class);

		/** Whether a value sent to this endpoint reaches its handler: a query or form field, or a JSON body. */
		boolean bindsValues() {
			return !fields.isEmpty() || json != null;
		}

		boolean changesState() {
			return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
		}

		static Endpoint of(String pattern, HttpMethod method, HandlerMethod handler) {
			Set<String> fields = new LinkedHashSet<>();
			Set<String> json = null;
			Map<String, Class<?>> variables = new LinkedHashMap<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				Class<?> type = parameter.getParameterType();
				if (parameter.hasParameterAnnotation(PathVariable.class)) {
					PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
					variables.put(variable.name().isEmpty() ? parameter.getParameterName() : variable.name(), type);
				}
				else if (parameter.hasParameterAnnotation(RequestParam.class)) {
					RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
					fields.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
				}
				else if (parameter.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(type)) {
					fields.add(parameter.getParameterName());
				}
				else if (parameter.hasParameterAnnotation(RequestBody.class)) {
					json = type.isRecord() ? components(type) : Set.of();
				}
				else if (type.isRecord() && !parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
						&& !parameter.hasParameterAnnotation(RequestHeader.class)
						&& NOT_BOUND.stream().noneMatch(t -> t.isAssignableFrom(type))) {
					fields.addAll(components(type));
				}
			}
			return new Endpoint(pattern, method, fields, json, variables);
		}

		private static Set<String> components(Class<?> record) {
			Set<String> names = new LinkedHashSet<>();
			for (RecordComponent component : record.getRecordComponents()) {
				names.add(component.getName());
			}
			return names;
		}
	}
}
