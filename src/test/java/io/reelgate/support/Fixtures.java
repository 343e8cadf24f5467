package io.reelgate.support;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.Role;
import io.reelgate.accounts.SignUp;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.BundleText;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.checkout.Sellers;
import io.reelgate.shared.BundleId;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Builds accounts and bundles through the application's own services, as their owners would. */
@TestComponent
public class Fixtures {

	public static final String ADMIN_EMAIL = "admin@reelgate.test";

	private final AccountService accounts;

	private final UserDetailsService users;

	private final CatalogService catalog;

	private final BundleMedia media;

	private final Sellers sellers;

	public Fixtures(AccountService accounts, UserDetailsService users, CatalogService catalog, BundleMedia media,
			Sellers sellers) {
		this.accounts = accounts;
		this.users = users;
		this.catalog = catalog;
		this.media = media;
		this.sellers = sellers;
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public AccountPrincipal creator() {
		return account(Role.CREATOR, unique("Creator"));
	}

	public AccountPrincipal creator(String displayName) {
		return account(Role.CREATOR, displayName);
	}

	public AccountPrincipal viewer() {
		return account(Role.VIEWER, unique("Viewer"));
	}

	/** A viewer who signed up and has not followed the verification link yet. */
	public AccountPrincipal unverifiedViewer() {
		return signedUp(Role.VIEWER, unique("Viewer"));
	}

	/** A creator who signed up and has not followed the verification link yet. */
	public AccountPrincipal unverifiedCreator() {
		return signedUp(Role.CREATOR, unique("Creator"));
	}

	public AccountPrincipal admin() {
		return (AccountPrincipal) users.loadUserByUsername(ADMIN_EMAIL);
	}

	/** A draft with one file, free unless a price is given (as text, e.g. "9.99" with "USD"). */
	public BundleId draft(AccountPrincipal creator, String title, byte[] content, String... price) {
		return as(creator, () -> {
			BundleId id = catalog.create(creator.accountId(), new BundleText(title, "Summary of " + title, "About " + title));
			if (price.length == 2) {
				catalog.charge(creator.accountId(), id, price[0], price[1]);
			}
			media.addFile(creator.accountId(), id, "film.mp4", new ByteArrayInputStream(content));
			return id;
		});
	}

	public BundleId published(AccountPrincipal creator, String title, byte[] content, String... price) {
		BundleId id = draft(creator, title, content, price);
		publish(creator, id);
		return id;
	}

	public void publish(AccountPrincipal creator, BundleId id) {
		as(creator, () -> {
			catalog.publish(creator.accountId(), id);
			return null;
		});
	}

	public FileView addFile(AccountPrincipal creator, BundleId id, String name, byte[] content) {
		return as(creator, () -> media.addFile(creator.accountId(), id, name, new ByteArrayInputStream(content)));
	}

	/** Gives a creator a payout account that can take charges, as Stripe Connect onboarding would. */
	public void payoutsReady(AccountPrincipal creator) {
		String account = "acct_ready_" + creator.accountId().value().toString().substring(0, 8);
		sellers.register(creator.accountId(), account);
		sellers.update(account, true, true, true);
	}

	/** Runs work with the given account logged in, for services guarded by method security. */
	public <T> T as(AccountPrincipal who, Callable<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** An account whose address counts as verified, so it may publish and buy at once. */
	private AccountPrincipal account(Role role, String displayName) {
		String email = unique(role.name().toLowerCase()) + "@example.test";
		accounts.register(email, displayName, "a-long-enough-password", role);
		return (AccountPrincipal) users.loadUserByUsername(email);
	}

	private AccountPrincipal signedUp(Role role, String displayName) {
		String email = unique(role.name().toLowerCase()) + "@example.test";
		accounts.signUp(new SignUp(email, displayName, "a-long-enough-password", role));
		return (AccountPrincipal) users.loadUserByUsername(email);
	}
}
