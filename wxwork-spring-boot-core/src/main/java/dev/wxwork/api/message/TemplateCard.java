package dev.wxwork.api.message;

import java.util.List;

/**
 * A template card (doc 90236, "模板卡片消息"), of one of five card types; each type uses a subset of
 * the fields (the factories say which). Clicks on interactive cards come back as
 * {@code template_card_event} callbacks carrying {@code task_id} and a {@code response_code} for
 * {@link AppMessages#updateTemplateCard}.
 *
 * @param cardType {@code text_notice}, {@code news_notice}, {@code button_interaction},
 * {@code vote_interaction} or {@code multiple_interaction}
 * @param source the line at the top: icon and source name
 * @param actionMenu the "…" menu at the top right; needs {@code taskId}
 * @param taskId unique within the app, at most 128 bytes; required by interactive cards and by the menu
 * @param mainTitle the title and its subtitle
 * @param quoteArea a quoted block (notices and button cards)
 * @param emphasisContent a big number and its label (text notice)
 * @param subTitleText secondary text (text notice, button card)
 * @param horizontalContentList key-value lines, at most 6 (notices, button card)
 * @param jumpList links, at most 3 (notices)
 * @param cardAction what a click on the card does (required for notices)
 * @param cardImage the big image (news notice)
 * @param imageTextArea an image beside a text (news notice)
 * @param verticalContentList title-description lines, at most 4 (news notice)
 * @param buttonSelection a drop-down above the buttons (button card)
 * @param buttonList the buttons, at most 6 (button card)
 * @param checkbox the vote options (vote card)
 * @param selectList drop-downs, at most 3 (multiple-choice card)
 * @param submitButton the submit button (vote and multiple-choice cards)
 * @param replaceText the text that replaces the buttons in an update (interactive cards)
 */
public record TemplateCard(String cardType, Source source, ActionMenu actionMenu, String taskId, MainTitle mainTitle,
		QuoteArea quoteArea, EmphasisContent emphasisContent, String subTitleText,
		List<HorizontalContent> horizontalContentList, List<Jump> jumpList, CardAction cardAction, CardImage cardImage,
		ImageTextArea imageTextArea, List<VerticalContent> verticalContentList, ButtonSelection buttonSelection,
		List<Button> buttonList, Checkbox checkbox, List<Select> selectList, SubmitButton submitButton,
		String replaceText) {

	/** A text notice: source, main title, quote, emphasis, sub-title, lines, links and a card action. */
	public static Builder textNotice() {
		return new Builder("text_notice");
	}

	/** A news notice: source, main title, quote, image or image-text area, lines, links and a card action. */
	public static Builder newsNotice() {
		return new Builder("news_notice");
	}

	/** A card with up to 6 buttons and an optional drop-down; needs a task id. */
	public static Builder buttonInteraction() {
		return new Builder("button_interaction");
	}

	/** A vote: single or multiple choice with a submit button; needs a task id. */
	public static Builder voteInteraction() {
		return new Builder("vote_interaction");
	}

	/** Up to 3 drop-downs with a submit button; needs a task id. */
	public static Builder multipleInteraction() {
		return new Builder("multiple_interaction");
	}

	/** The source line; {@code descColor}: 0 grey, 1 black, 2 red, 3 green. */
	public record Source(String iconUrl, String desc, Integer descColor) {

		/** A source line in WeCom's default colour. */
		public static Source of(String iconUrl, String desc) {
			return new Source(iconUrl, desc, null);
		}

	}

	/** The "…" menu: a description and up to 3 entries whose keys come back in the menu event. */
	public record ActionMenu(String desc, List<ActionMenuItem> actionList) {
	}

	/** An entry of the "…" menu. */
	public record ActionMenuItem(String text, String key) {
	}

	/** The main title and its description. */
	public record MainTitle(String title, String desc) {
	}

	/**
	 * A quoted block; {@code type} 0 does nothing, 1 opens {@code url}, 2 opens the mini program page
	 * {@code appid}/{@code pagepath}.
	 */
	public record QuoteArea(Integer type, String url, String appid, String pagepath, String title,
			String quoteText) {
	}

	/** A highlighted figure ({@code title}) and its label ({@code desc}). */
	public record EmphasisContent(String title, String desc) {
	}

	/**
	 * A key-value line; {@code type} 0 plain, 1 opens {@code url}, 2 downloads the file {@code mediaId},
	 * 3 opens the member {@code userid}'s profile.
	 */
	public record HorizontalContent(Integer type, String keyname, String value, String url, String mediaId,
			String userid) {

		/** A plain key-value line. */
		public static HorizontalContent of(String keyname, String value) {
			return new HorizontalContent(null, keyname, value, null, null, null);
		}

	}

	/** A link; {@code type} 1 opens {@code url}, 2 opens the mini program page {@code appid}/{@code pagepath}. */
	public record Jump(Integer type, String title, String url, String appid, String pagepath) {

		/** A link to a web page. */
		public static Jump url(String title, String url) {
			return new Jump(1, title, url, null, null);
		}

	}

	/** What a click on the card does; {@code type} 1 opens {@code url}, 2 a mini program page. */
	public record CardAction(Integer type, String url, String appid, String pagepath) {

		/** Opens a web page. */
		public static CardAction url(String url) {
			return new CardAction(1, url, null, null);
		}

	}

	/** The big image of a news notice; {@code aspectRatio} between 1.3 and 2.25, default 1.3. */
	public record CardImage(String url, Double aspectRatio) {
	}

	/** An image beside a text, in a news notice; {@code type} as in {@link CardAction}. */
	public record ImageTextArea(Integer type, String url, String appid, String pagepath, String title, String desc,
			String imageUrl) {
	}

	/** A title-description line of a news notice. */
	public record VerticalContent(String title, String desc) {
	}

	/** The drop-down above the buttons of a button card. */
	public record ButtonSelection(String questionKey, String title, List<Option> optionList, String selectedId) {
	}

	/** An option of a drop-down. */
	public record Option(String id, String text) {
	}

	/**
	 * A button; {@code style} 1 to 4 picks its colour; {@code type} 0 (default) reports the click with
	 * {@code key}, 1 opens {@code url}.
	 */
	public record Button(Integer type, String text, Integer style, String key, String url) {

		/** A button that reports its click with {@code key}. */
		public static Button of(String text, String key) {
			return new Button(null, text, null, key, null);
		}

	}

	/** The vote options; {@code mode} 0 single choice, 1 multiple choice; {@code disable} in updates. */
	public record Checkbox(String questionKey, List<CheckboxOption> optionList, Boolean disable, Integer mode) {
	}

	/** A vote option. */
	public record CheckboxOption(String id, String text, Boolean isChecked) {
	}

	/** A drop-down of a multiple-choice card. */
	public record Select(String questionKey, String title, Boolean disable, String selectedId,
			List<Option> optionList) {
	}

	/** The submit button; its {@code key} comes back in the event. */
	public record SubmitButton(String text, String key) {
	}

	/** Builds a {@link TemplateCard}; WeCom checks which fields the card type allows. */
	public static final class Builder {

		private final String cardType;

		private Source source;

		private ActionMenu actionMenu;

		private String taskId;

		private MainTitle mainTitle;

		private QuoteArea quoteArea;

		private EmphasisContent emphasisContent;

		private String subTitleText;

		private List<HorizontalContent> horizontalContentList;

		private List<Jump> jumpList;

		private CardAction cardAction;

		private CardImage cardImage;

		private ImageTextArea imageTextArea;

		private List<VerticalContent> verticalContentList;

		private ButtonSelection buttonSelection;

		private List<Button> buttonList;

		private Checkbox checkbox;

		private List<Select> selectList;

		private SubmitButton submitButton;

		private String replaceText;

		private Builder(String cardType) {
			this.cardType = cardType;
		}

		/** The source line at the top. */
		public Builder source(Source source) {
			this.source = source;
			return this;
		}

		/** The "…" menu at the top right. */
		public Builder actionMenu(String desc, ActionMenuItem... items) {
			this.actionMenu = new ActionMenu(desc, List.of(items));
			return this;
		}

		/** The task id that clicks and updates refer to. */
		public Builder taskId(String taskId) {
			this.taskId = taskId;
			return this;
		}

		/** The main title and its description. */
		public Builder mainTitle(String title, String desc) {
			this.mainTitle = new MainTitle(title, desc);
			return this;
		}

		/** A quoted block. */
		public Builder quoteArea(QuoteArea quoteArea) {
			this.quoteArea = quoteArea;
			return this;
		}

		/** A highlighted figure and its label. */
		public Builder emphasisContent(String title, String desc) {
			this.emphasisContent = new EmphasisContent(title, desc);
			return this;
		}

		/** Secondary text under the title. */
		public Builder subTitleText(String subTitleText) {
			this.subTitleText = subTitleText;
			return this;
		}

		/** Key-value lines. */
		public Builder horizontalContent(HorizontalContent... lines) {
			this.horizontalContentList = List.of(lines);
			return this;
		}

		/** Links. */
		public Builder jumps(Jump... jumps) {
			this.jumpList = List.of(jumps);
			return this;
		}

		/** What a click on the card does. */
		public Builder cardAction(CardAction cardAction) {
			this.cardAction = cardAction;
			return this;
		}

		/** The big image. */
		public Builder cardImage(String url, Double aspectRatio) {
			this.cardImage = new CardImage(url, aspectRatio);
			return this;
		}

		/** An image beside a text. */
		public Builder imageTextArea(ImageTextArea imageTextArea) {
			this.imageTextArea = imageTextArea;
			return this;
		}

		/** Title-description lines. */
		public Builder verticalContent(VerticalContent... lines) {
			this.verticalContentList = List.of(lines);
			return this;
		}

		/** The drop-down above the buttons. */
		public Builder buttonSelection(ButtonSelection buttonSelection) {
			this.buttonSelection = buttonSelection;
			return this;
		}

		/** The buttons. */
		public Builder buttons(Button... buttons) {
			this.buttonList = List.of(buttons);
			return this;
		}

		/** The vote options. */
		public Builder checkbox(Checkbox checkbox) {
			this.checkbox = checkbox;
			return this;
		}

		/** The drop-downs. */
		public Builder selects(Select... selects) {
			this.selectList = List.of(selects);
			return this;
		}

		/** The submit button. */
		public Builder submitButton(String text, String key) {
			this.submitButton = new SubmitButton(text, key);
			return this;
		}

		/** The text that replaces the buttons, for a card sent as an update. */
		public Builder replaceText(String replaceText) {
			this.replaceText = replaceText;
			return this;
		}

		/** The card. */
		public TemplateCard build() {
			return new TemplateCard(this.cardType, this.source, this.actionMenu, this.taskId, this.mainTitle,
					this.quoteArea, this.emphasisContent, this.subTitleText, this.horizontalContentList, this.jumpList,
					this.cardAction, this.cardImage, this.imageTextArea, this.verticalContentList, this.buttonSelection,
					this.buttonList, this.checkbox, this.selectList, this.submitButton, this.replaceText);
		}

	}

}
