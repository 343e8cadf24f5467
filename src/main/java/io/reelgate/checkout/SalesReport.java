package io.reelgate.checkout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sales figures for creators' dashboards, from paid orders. */
@Service
@Transactional(readOnly = true)
public class SalesReport {

	private final Orders orders;

	SalesReport(Orders orders) {
		this.orders = orders;
	}

	/** Sales per bundle in one query; bundles without sales are absent from the map. */
	public Map<BundleId, BundleSales> salesOf(Collection<BundleId> bundles) {
		if (bundles.isEmpty()) {
			return Map.of();
		}
		Map<BundleId, Long> counts = new HashMap<>();
		Map<BundleId, List<Money>> gross = new HashMap<>();
		for (Sales row : orders.salesOf(bundles.stream().map(BundleId::value).toList())) {
			BundleId bundle = new BundleId(row.bundleId());
			counts.merge(bundle, row.count(), Long::sum);
			if (row.currency() != null) {
				gross.computeIfAbsent(bundle, b -> new ArrayList<>()).add(new Money(row.grossMinor(), row.currency()));
			}
		}
		Map<BundleId, BundleSales> result = new HashMap<>();
		counts.forEach((bundle, count) -> result.put(bundle, new BundleSales(count, gross.getOrDefault(bundle, List.of()))));
		return result;
	}
}
