package io.reelgate.collaborators;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.PlatformFee;
import io.reelgate.checkout.RevenueShares;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.MailedTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collaborators sharing a bundle's income. The bundle's creator invites someone by email with a share (basis
 * points); the shares of a bundle add up to at most 100 %, the creator keeping the rest, checked under a lock per
 * bundle so two concurrent invitations cannot pass it together. The invitee accepts through the mailed link with the
 * account whose verified address was invited: the link alone is not enough, so a forwarded or stolen link is
 * refused. Accepted shares split every sale paid afterwards ({@link RevenueShares}).
 */
@Service
@Transactional
public class Collaborations implements RevenueShares {

	private static final int BASIS = 10_000;

	/** A plain address: accounts sign up with such, and only the account with the invited one can accept. */
	private static final Pattern ADDRESS = Pattern.compile("[a-z0-9._%+'-]{1,64}@[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+");

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final AccountService accounts;

	private final Clock clock;

	Collaborations(JdbcClient jdbc, Catalog catalog, AccountService accounts, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Invites {@code email} to share {@code basisPoints} of the owner's bundle (another creator's bundle is a 404).
	 * @return the invitation's token, for the mail only: just its hash is stored
	 * @param percent the share, a percentage with at most two decimals ("33.33")
	 * @throws CollaboratorRefusedException if the share is malformed or would take the total past 100 %, or the
	 * address is malformed, the owner's or invited already
	 */
	public Invitation invite(AccountId owner, BundleId bundle, String email, String percent) {
		BundleDetails details = catalog.editable(owner, bundle);
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (address.length() > 320 || !ADDRESS.matcher(address).matches()) {
			throw new CollaboratorRefusedException("collaborators.email.invalid");
		}
		int basisPoints = basisPoints(percent);
		if (accounts.find(owner).map(AccountView::email).filter(address::equalsIgnoreCase).isPresent()) {
			throw new CollaboratorRefusedException("collaborators.self");
		}
		// One invitation at a time per bundle, on every instance, so the total is checked against committed shares.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 16))").param(bundle.toString())
			.query((rs, i) -> 1).list();
		int taken = jdbc.sql("select coalesce(sum(basis_points), 0) from collaborators where bundle_id = ?")
			.param(bundle.value()).query(Integer.class).single();
		if (taken + basisPoints > BASIS) {
			throw new CollaboratorRefusedException("collaborators.share.total", percent(BASIS - taken));
		}
		if (jdbc.sql("select count(*) from collaborators where bundle_id = ? and email = ?")
			.params(bundle.value(), address).query(Long.class).single() > 0) {
			throw new CollaboratorRefusedException("collaborators.invited");
		}
		String token = MailedTokens.newToken();
		jdbc.sql("""
				insert into collaborators (id, bundle_id, email, basis_points, token_hash, invited_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), bundle.value(), address, basisPoints, MailedTokens.sha256(token), Timestamp.from(clock.instant()))
			.update();
		return new Invitation(token, address, details.summary().title(), percent(basisPoints));
	}

	/** Whether the account accepted a share of any bundle: it then has payouts of its own to set up. */
	@Transactional(readOnly = true)
	public boolean collaborates(AccountId account) {
		return jdbc.sql("select exists (select 1 from collaborators where account_id = ?)")
			.param(account.value())
			.query(Boolean.class)
			.single();
	}

	/** The invitation behind a mailed token, for its page; unknown tokens are empty. */
	@Transactional(readOnly = true)
	public Optional<Invited> invitation(String token) {
		return jdbc.sql("""
				select bundle_id, email, basis_points, account_id from collaborators where token_hash = ?
				""")
			.param(MailedTokens.sha256(token))
			.query((rs, i) -> new Invited(new BundleId(rs.getObject("bundle_id", UUID.class)), rs.getString("email"),
					percent(rs.getInt("basis_points")), rs.getObject("account_id") != null))
			.optional();
	}

	/**
	 * Accepts the invitation for {@code account}, which must have the invited, verified address.
	 * @throws CollaboratorRefusedException for an unknown or used link, or another account
	 */
	public BundleId accept(AccountId account, String token) {
		Invited invited = jdbc.sql("""
				select bundle_id, email, basis_points, account_id from collaborators where token_hash = ? for update
				""")
			.param(MailedTokens.sha256(token))
			.query((rs, i) -> new Invited(new BundleId(rs.getObject("bundle_id", UUID.class)), rs.getString("email"),
					percent(rs.getInt("basis_points")), rs.getObject("account_id") != null))
			.optional()
			.orElseThrow(() -> new CollaboratorRefusedException("collaborators.link.unknown"));
		if (invited.accepted()) {
			throw new CollaboratorRefusedException("collaborators.link.used");
		}
		AccountView me = accounts.find(account).orElseThrow();
		if (!me.email().equalsIgnoreCase(invited.email()) || !accounts.isEmailVerified(account)) {
			throw new CollaboratorRefusedException("collaborators.link.otherAccount");
		}
		jdbc.sql("update collaborators set account_id = ?, accepted_at = ? where token_hash = ? and account_id is null")
			.params(account.value(), Timestamp.from(clock.instant()), MailedTokens.sha256(token))
			.update();
		return invited.bundle();
	}

	/** A bundle's collaborators for its owner's page; another creator's bundle is a 404. */
	@Transactional(readOnly = true)
	public List<Collaborator> of(AccountId owner, BundleId bundle) {
		catalog.editable(owner, bundle);
		return jdbc.sql("""
				select email, basis_points, accepted_at is not null as accepted from collaborators where bundle_id = ?
				order by invited_at, email
				""")
			.param(bundle.value())
			.query((rs, i) -> new Collaborator(rs.getString("email"), percent(rs.getInt("basis_points")),
					rs.getBoolean("accepted")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlatformFee.Party> parties(BundleId bundle, AccountId owner) {
		List<PlatformFee.Party> parties = new ArrayList<>();
		List<PlatformFee.Party> collaborators = jdbc.sql("""
				select account_id, basis_points from collaborators where bundle_id = ? and account_id is not null
				order by accepted_at, account_id
				""")
			.param(bundle.value())
			.query((rs, i) -> new PlatformFee.Party(new AccountId(rs.getObject("account_id", UUID.class)),
					rs.getInt("basis_points")))
			.list();
		int theirs = collaborators.stream().mapToInt(PlatformFee.Party::basisPoints).sum();
		parties.add(new PlatformFee.Party(owner, BASIS - theirs));
		parties.addAll(collaborators);
		return parties;
	}

	/** Basis points as a percentage for people: 3333 is "33.33". */
	static String percent(int basisPoints) {
		return basisPoints / 100 + "." + String.format(Locale.ROOT, "%02d", basisPoints % 100);
	}

	/** A new invitation: the token goes into the mail, nowhere else. */
	public record Invitation(String token, String email, String title, String percent) {
	}

	/** An invitation as its page shows it. */
	public record Invited(BundleId bundle, String email, String percent, boolean accepted) {
	}

	/** A collaborator as the owner sees them. */
	public record Collaborator(String email, String percent, boolean accepted) {
	}

	/** "33.33" as 3333 basis points: at most two decimals, 0.01 to 100. */
	static int basisPoints(String percent) {
		try {
			BigDecimal value = new BigDecimal(percent.strip());
			int basisPoints = value.movePointRight(2).intValueExact();
			if (basisPoints >= 1 && basisPoints <= BASIS) {
				return basisPoints;
			}
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// Refused below, like any other share out of range.
		}
		throw new CollaboratorRefusedException("collaborators.share.range");
	}
}
