package dev.wxwork.agent;

import java.time.Clock;
import java.time.Duration;

import dev.wxwork.api.app.AgentApi;
import dev.wxwork.api.app.MenuApi;
import dev.wxwork.api.appchat.AppChatApi;
import dev.wxwork.api.contact.BatchJobApi;
import dev.wxwork.api.contact.DepartmentApi;
import dev.wxwork.api.contact.TagApi;
import dev.wxwork.api.contact.UserApi;
import dev.wxwork.api.externalcontact.contactway.ContactWayApi;
import dev.wxwork.api.externalcontact.customer.CustomerApi;
import dev.wxwork.api.externalcontact.groupchat.GroupChatApi;
import dev.wxwork.api.externalcontact.message.CustomerMessageApi;
import dev.wxwork.api.externalcontact.moment.MomentApi;
import dev.wxwork.api.externalcontact.strategy.CustomerStrategyApi;
import dev.wxwork.api.externalcontact.strategy.MomentStrategyApi;
import dev.wxwork.api.externalcontact.tag.CustomerTagApi;
import dev.wxwork.api.externalcontact.transfer.CustomerTransferApi;
import dev.wxwork.api.identity.AuthApi;
import dev.wxwork.api.identity.LoginLinks;
import dev.wxwork.api.invoice.InvoiceApi;
import dev.wxwork.api.jssdk.JsSdkSigner;
import dev.wxwork.api.jssdk.JsSdkTicketApi;
import dev.wxwork.api.linkedcorp.LinkedCorpMessageApi;
import dev.wxwork.api.media.MediaApi;
import dev.wxwork.api.message.AppMessages;
import dev.wxwork.api.network.NetworkApi;
import dev.wxwork.api.oa.ApprovalApi;
import dev.wxwork.api.oa.CheckinApi;
import dev.wxwork.api.oa.DialApi;
import dev.wxwork.api.schedule.ScheduleApi;
import dev.wxwork.api.school.SchoolNotificationApi;
import dev.wxwork.client.WxWorkHttpClient;
import dev.wxwork.token.AccessTokenFetcher;
import dev.wxwork.token.AccessTokenStore;
import dev.wxwork.token.CredentialKeys;
import dev.wxwork.token.IssuedCredential;
import dev.wxwork.token.SharedCredential;
import dev.wxwork.token.TokenSettings;

/**
 * One WeCom app (or a secret without an agent id, such as contacts sync or customer contact), and
 * the entry point to the server API with its access token. One bean per configured app, named after
 * it: inject it with {@code @Qualifier("<name>")}.
 * <p>
 * API groups are reached through accessors ({@code agent.users().get("zhangsan")}); any other
 * {@code @HttpExchange} interface can be called with the app's token through {@link #api(Class)}.
 */
public class WxWorkAgent {

	private final String name;

	private final Long agentId;

	private final String corpId;

	private final SharedCredential accessToken;

	private final SharedCredential jsapiTicket;

	private final SharedCredential agentConfigTicket;

	private final WxWorkHttpClient http;

	private final WxWorkHttpClient.ApiFactory apis;

	public WxWorkAgent(String name, Long agentId, String corpId, String secret, WxWorkHttpClient http,
			AccessTokenStore store, CredentialKeys keys, TokenSettings settings, Clock clock) {
		this.name = name;
		this.agentId = agentId;
		this.corpId = corpId;
		this.http = http;
		this.accessToken = new SharedCredential(keys.accessToken(corpId, secret), "access token of app '" + name + "'",
				new AccessTokenFetcher(http, corpId, secret), store, settings, clock);
		this.apis = http.apiFactory(this.accessToken);
		JsSdkTicketApi tickets = this.apis.api(JsSdkTicketApi.class);
		this.jsapiTicket = new SharedCredential(keys.ticket("jsapi", corpId, secret),
				"jsapi ticket of app '" + name + "'", () -> issued(tickets.corpTicket()), store, settings, clock);
		this.agentConfigTicket = new SharedCredential(keys.ticket("agent_config", corpId, secret),
				"agent_config ticket of app '" + name + "'", () -> issued(tickets.agentConfigTicket()), store,
				settings, clock);
	}

	private static IssuedCredential issued(JsSdkTicketApi.JsSdkTicket ticket) {
		return new IssuedCredential(ticket.ticket(), Duration.ofSeconds(ticket.expiresIn()));
	}

	/** The app's name under {@code wxwork.agents}. */
	public String name() {
		return this.name;
	}

	/** The app's AgentId; null for secrets without one (contacts sync, customer contact). */
	public Long agentId() {
		return this.agentId;
	}

	/** The corp id. */
	public String corpId() {
		return this.corpId;
	}

	/** The app's access token (cached, shared, refreshed as needed); for calls this library lacks. */
	public String accessToken() {
		return this.accessToken.get();
	}

	/** The app's shared access token, for the HTTP layer. */
	public SharedCredential accessTokenCredential() {
		return this.accessToken;
	}

	/** The corp's cached JS-SDK jsapi_ticket. */
	public String jsapiTicket() {
		return this.jsapiTicket.get();
	}

	/** The app's cached JS-SDK agent_config ticket. */
	public String agentConfigTicket() {
		return this.agentConfigTicket.get();
	}

	/** Any {@code @HttpExchange} API group, called with this app's token and WeCom's error handling. */
	public <S> S api(Class<S> type) {
		return this.apis.api(type);
	}

	// ---- contacts and app messages ----

	/** Members (doc 90194). */
	public UserApi users() {
		return api(UserApi.class);
	}

	/** Departments (doc 90204). */
	public DepartmentApi departments() {
		return api(DepartmentApi.class);
	}

	/** Tags (doc 90209). */
	public TagApi tags() {
		return api(TagApi.class);
	}

	/** Asynchronous contact imports from CSV files (doc 90979). */
	public BatchJobApi batchJobs() {
		return api(BatchJobApi.class);
	}

	/** App messages sent by this app (doc 90235); fails when the app has no AgentId. */
	public AppMessages messages() {
		return AppMessages.of(this);
	}

	// ---- end of contacts and app messages ----

	/** The app's name as log lines and errors show it. */
	public String label() {
		return "app '" + this.name + "'";
	}

	// ---- customer contact ----

	/** Customers, the members who serve them, and their contact statistics. */
	public CustomerApi customers() {
		return api(CustomerApi.class);
	}

	/** "Contact me" ways (QR codes and buttons through which customers add members). */
	public ContactWayApi contactWays() {
		return api(ContactWayApi.class);
	}

	/** Customer tags: the corp's tag library, rule-group tags, tagging customers. */
	public CustomerTagApi customerTags() {
		return api(CustomerTagApi.class);
	}

	/** Customer rule groups. */
	public CustomerStrategyApi customerStrategies() {
		return api(CustomerStrategyApi.class);
	}

	/** Handing customers and customer groups over between members, employed or resigned. */
	public CustomerTransferApi customerTransfers() {
		return api(CustomerTransferApi.class);
	}

	/** Customer group chats and their statistics. */
	public GroupChatApi customerGroupChats() {
		return api(GroupChatApi.class);
	}

	/** Posts on customers' moments. */
	public MomentApi moments() {
		return api(MomentApi.class);
	}

	/** Moment rule groups. */
	public MomentStrategyApi momentStrategies() {
		return api(MomentStrategyApi.class);
	}

	/** Mass messages, welcome messages and group welcome templates for customers. */
	public CustomerMessageApi customerMessages() {
		return api(CustomerMessageApi.class);
	}

	// ---- end of customer contact ----

	/** Whether this app has an AgentId (self-built apps do; contacts-sync and customer-contact secrets do not). */
	public boolean hasAgentId() {
		return this.agentId != null;
	}

	// ---- identity, app management, messaging extras, media, OA, schedules, invoices, JS-SDK ----

	/** Who a login code belongs to: members and visitors (auth/getuserinfo, auth/getuserdetail). */
	public AuthApi auth() {
		return api(AuthApi.class);
	}

	/** The OAuth2 and web-login links of this app. */
	public LoginLinks loginLinks() {
		return new LoginLinks(this.corpId, this::requireAgentId);
	}

	/** Apps: details, settings and the workbench; this app's own id is {@link #requireAgentId()}. */
	public AgentApi apps() {
		return api(AgentApi.class);
	}

	/** Apps' custom menus; this app's own id is {@link #requireAgentId()}. */
	public MenuApi menus() {
		return api(MenuApi.class);
	}

	/** Group chats the app creates and posts to. */
	public AppChatApi appChats() {
		return api(AppChatApi.class);
	}

	/** App messages to members of linked corps. */
	public LinkedCorpMessageApi linkedCorpMessages() {
		return api(LinkedCorpMessageApi.class);
	}

	/** School notifications to parents and students. */
	public SchoolNotificationApi schoolNotifications() {
		return api(SchoolNotificationApi.class);
	}

	/** WeCom's callback and API IP ranges. */
	public NetworkApi network() {
		return api(NetworkApi.class);
	}

	/** Temporary media and images: streamed uploads and downloads. */
	public MediaApi media() {
		return new MediaApi(this.http, this.accessToken);
	}

	/** Check-in records and rules (the Checkin app's secret). */
	public CheckinApi checkins() {
		return api(CheckinApi.class);
	}

	/** Approval templates and applications. */
	public ApprovalApi approvals() {
		return api(ApprovalApi.class);
	}

	/** Records of the corp-paid phone. */
	public DialApi dialRecords() {
		return api(DialApi.class);
	}

	/** Schedules in members' calendars. */
	public ScheduleApi schedules() {
		return api(ScheduleApi.class);
	}

	/** Electronic invoices handed in for reimbursement. */
	public InvoiceApi invoices() {
		return api(InvoiceApi.class);
	}

	/** Signatures for the JS-SDK's {@code wx.config} and {@code wx.agentConfig}, with the cached tickets. */
	public JsSdkSigner jsSdk() {
		return new JsSdkSigner(this.corpId, this::requireAgentId, this::jsapiTicket,
				this::agentConfigTicket, Clock.systemUTC());
	}


	// ---- end of identity, app management, messaging extras, media, OA, schedules, invoices, JS-SDK ----

	/** The agent id, or an exception saying which property is missing, for APIs that need one. */
	public long requireAgentId() {
		if (this.agentId == null) {
			throw new IllegalStateException("This API needs an AgentId: set wxwork.agents." + this.name + ".agent-id");
		}
		return this.agentId;
	}

	/** The HTTP client, for exchanges that are no {@code @HttpExchange} method (media streams). */
	public WxWorkHttpClient http() {
		return this.http;
	}

	@Override
	public String toString() {
		return "WxWorkAgent[name=" + this.name + ", agentId=" + this.agentId + ", corpId=" + this.corpId + "]";
	}

}
