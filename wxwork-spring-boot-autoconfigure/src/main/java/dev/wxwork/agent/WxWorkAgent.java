package dev.wxwork.agent;

import java.time.Clock;
import java.time.Duration;

import dev.wxwork.api.contact.BatchJobApi;
import dev.wxwork.api.contact.DepartmentApi;
import dev.wxwork.api.contact.TagApi;
import dev.wxwork.api.contact.UserApi;
import dev.wxwork.api.jssdk.JsSdkTicketApi;
import dev.wxwork.api.message.AppMessages;
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
	public dev.wxwork.api.externalcontact.customer.CustomerApi customers() {
		return api(dev.wxwork.api.externalcontact.customer.CustomerApi.class);
	}

	/** "Contact me" ways (QR codes and buttons through which customers add members). */
	public dev.wxwork.api.externalcontact.contactway.ContactWayApi contactWays() {
		return api(dev.wxwork.api.externalcontact.contactway.ContactWayApi.class);
	}

	/** Customer tags: the corp's tag library, rule-group tags, tagging customers. */
	public dev.wxwork.api.externalcontact.tag.CustomerTagApi customerTags() {
		return api(dev.wxwork.api.externalcontact.tag.CustomerTagApi.class);
	}

	/** Customer rule groups. */
	public dev.wxwork.api.externalcontact.strategy.CustomerStrategyApi customerStrategies() {
		return api(dev.wxwork.api.externalcontact.strategy.CustomerStrategyApi.class);
	}

	/** Handing customers and customer groups over between members, employed or resigned. */
	public dev.wxwork.api.externalcontact.transfer.CustomerTransferApi customerTransfers() {
		return api(dev.wxwork.api.externalcontact.transfer.CustomerTransferApi.class);
	}

	/** Customer group chats and their statistics. */
	public dev.wxwork.api.externalcontact.groupchat.GroupChatApi customerGroupChats() {
		return api(dev.wxwork.api.externalcontact.groupchat.GroupChatApi.class);
	}

	/** Posts on customers' moments. */
	public dev.wxwork.api.externalcontact.moment.MomentApi moments() {
		return api(dev.wxwork.api.externalcontact.moment.MomentApi.class);
	}

	/** Moment rule groups. */
	public dev.wxwork.api.externalcontact.strategy.MomentStrategyApi momentStrategies() {
		return api(dev.wxwork.api.externalcontact.strategy.MomentStrategyApi.class);
	}

	/** Mass messages, welcome messages and group welcome templates for customers. */
	public dev.wxwork.api.externalcontact.message.CustomerMessageApi customerMessages() {
		return api(dev.wxwork.api.externalcontact.message.CustomerMessageApi.class);
	}

	// ---- end of customer contact ----

	/** Whether this app has an AgentId (self-built apps do; contacts-sync and customer-contact secrets do not). */
	public boolean hasAgentId() {
		return this.agentId != null;
	}

	// ---- identity, app management, messaging extras, media, OA, schedules, invoices, JS-SDK ----

	/** Who a login code belongs to: members and visitors (auth/getuserinfo, auth/getuserdetail). */
	public dev.wxwork.api.identity.AuthApi auth() {
		return api(dev.wxwork.api.identity.AuthApi.class);
	}

	/** The OAuth2 and web-login links of this app. */
	public dev.wxwork.api.identity.LoginLinks loginLinks() {
		return new dev.wxwork.api.identity.LoginLinks(this.corpId, this::requireAgentId);
	}

	/** Apps: details, settings and the workbench; this app's own id is {@link #requireAgentId()}. */
	public dev.wxwork.api.app.AgentApi apps() {
		return api(dev.wxwork.api.app.AgentApi.class);
	}

	/** Apps' custom menus; this app's own id is {@link #requireAgentId()}. */
	public dev.wxwork.api.app.MenuApi menus() {
		return api(dev.wxwork.api.app.MenuApi.class);
	}

	/** Group chats the app creates and posts to. */
	public dev.wxwork.api.appchat.AppChatApi appChats() {
		return api(dev.wxwork.api.appchat.AppChatApi.class);
	}

	/** App messages to members of linked corps. */
	public dev.wxwork.api.linkedcorp.LinkedCorpMessageApi linkedCorpMessages() {
		return api(dev.wxwork.api.linkedcorp.LinkedCorpMessageApi.class);
	}

	/** School notifications to parents and students. */
	public dev.wxwork.api.school.SchoolNotificationApi schoolNotifications() {
		return api(dev.wxwork.api.school.SchoolNotificationApi.class);
	}

	/** WeCom's callback and API IP ranges. */
	public dev.wxwork.api.network.NetworkApi network() {
		return api(dev.wxwork.api.network.NetworkApi.class);
	}

	/** Temporary media and images: streamed uploads and downloads. */
	public dev.wxwork.api.media.MediaApi media() {
		return new dev.wxwork.api.media.MediaApi(this.http, this.accessToken);
	}

	/** Check-in records and rules (the Checkin app's secret). */
	public dev.wxwork.api.oa.CheckinApi checkins() {
		return api(dev.wxwork.api.oa.CheckinApi.class);
	}

	/** Approval templates and applications. */
	public dev.wxwork.api.oa.ApprovalApi approvals() {
		return api(dev.wxwork.api.oa.ApprovalApi.class);
	}

	/** Records of the corp-paid phone. */
	public dev.wxwork.api.oa.DialApi dialRecords() {
		return api(dev.wxwork.api.oa.DialApi.class);
	}

	/** Schedules in members' calendars. */
	public dev.wxwork.api.schedule.ScheduleApi schedules() {
		return api(dev.wxwork.api.schedule.ScheduleApi.class);
	}

	/** Electronic invoices handed in for reimbursement. */
	public dev.wxwork.api.invoice.InvoiceApi invoices() {
		return api(dev.wxwork.api.invoice.InvoiceApi.class);
	}

	/** Signatures for the JS-SDK's {@code wx.config} and {@code wx.agentConfig}, with the cached tickets. */
	public dev.wxwork.api.jssdk.JsSdkSigner jsSdk() {
		return new dev.wxwork.api.jssdk.JsSdkSigner(this.corpId, this::requireAgentId, this::jsapiTicket,
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
