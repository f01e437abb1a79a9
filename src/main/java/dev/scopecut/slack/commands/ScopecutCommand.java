package dev.scopecut.slack.commands;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.scopecut.app.AddItem;
import dev.scopecut.app.CancelCut;
import dev.scopecut.app.CloseCut;
import dev.scopecut.app.CutEditService;
import dev.scopecut.app.CutLookupException;
import dev.scopecut.app.CutReading;
import dev.scopecut.app.CutService;
import dev.scopecut.app.FinishResult;
import dev.scopecut.app.ExtendDeadline;
import dev.scopecut.app.NextCuts;
import dev.scopecut.app.Reminders;
import dev.scopecut.app.RemoveItem;
import dev.scopecut.app.StartCut;
import dev.scopecut.app.port.StoreUnavailableException;
import dev.scopecut.cut.Cut;
import dev.scopecut.cut.InvalidCutException;
import dev.scopecut.cut.QuickStart;
import dev.scopecut.slack.inbound.BadRequest;
import dev.scopecut.slack.views.Modals;
import dev.scopecut.slack.blocks.Replies;
import dev.scopecut.slack.NewCutPost;
import dev.scopecut.slack.SlackListener;
import dev.scopecut.slack.StoreDown;
import dev.scopecut.slack.blocks.CutMessage;
import dev.scopecut.slack.blocks.DecisionRecord;
import dev.scopecut.slack.blocks.SlackMessage;
import dev.scopecut.slack.blocks.Mrkdwn;
import dev.scopecut.slack.blocks.NewCutModal;
import dev.scopecut.slack.blocks.Refusals;
import dev.scopecut.slack.outbound.SlackPeople;

/**
 * {@code /scopecut}: turns the text into a use case and acknowledges with the private
 * answer. Storing a cut is one fast Redis step, done before the acknowledgement so that a
 * refusal can be said at once; posting its message to Slack happens after.
 */
@Component
class ScopecutCommand implements SlackListener, SlashCommandHandler {

	private static final Logger log = LoggerFactory.getLogger(ScopecutCommand.class);

	/**
	 * What a record's names may add before its acknowledgement, well inside Slack's 3 s.
	 */
	private static final Duration NAMES_WAIT = Duration.ofMillis(1200);

	private final CutService cuts;

	private final CutEditService edits;

	private final Executor executor;

	private final Reminders reminders;

	private final Clock clock;

	private final NextCuts nextCuts;

	private final SlackPeople people;

	ScopecutCommand(CutService cuts, CutEditService edits, Reminders reminders,
			@Qualifier("publishExecutor") Executor executor, Clock clock, NextCuts nextCuts, SlackPeople people) {
		this.cuts = cuts;
		this.people = people;
		this.edits = edits;
		this.nextCuts = nextCuts;
		this.reminders = reminders;
		this.executor = executor;
		this.clock = clock;
	}

	@Override
	public void register(App app) {
		app.command("/scopecut", this);
	}

	@Override
	public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
		SlashCommandPayload payload = request.getPayload();
		if (payload.getUserId() == null || payload.getChannelId() == null) {
			return BadRequest.response("command");
		}
		CommandText command = CommandText.parse(payload.getText());
		String workspace = ctx.getTeamId();
		try {
			return switch (command.verb()) {
				case NONE -> openNewCutModal(payload, ctx);
				case HELP -> ctx.ack(Replies.HELP);
				case LIST -> ctx.ack(list(this.cuts.openIn(workspace, payload.getChannelId())));
				case CLOSE -> close(payload, workspace, command, ctx);
				case CANCEL -> ctx.ack(Replies.finish(
						this.cuts.cancel(new CancelCut(resolve(payload, workspace, command), payload.getUserId())),
						"cancel"));
				case REMIND -> ctx.ack(remind(payload, workspace, command));
				case ADD -> ctx.ack(Replies.edit(this.edits.addItem(
						new AddItem(resolve(payload, workspace, command), payload.getUserId(), command.argument()))));
				case REMOVE ->
					ctx.ack(Replies.edit(this.edits.removeItem(new RemoveItem(resolve(payload, workspace, command),
							payload.getUserId(), command.argument()))));
				case EXTEND -> ctx
					.ack(Replies.edit(this.edits.extendDeadline(new ExtendDeadline(resolve(payload, workspace, command),
							payload.getUserId(), command.argument()))));
				case EDIT -> openEditModal(payload, workspace, command, ctx);
				case NEXT -> openNextModal(payload, workspace, command, ctx);
				case EXPORT -> export(payload, workspace, command, ctx);
				case START -> start(payload, workspace, command, ctx);
				case UNKNOWN -> ctx.ack(Replies.unknown(command.text()));
			};
		}
		catch (InvalidCutException ex) {
			return ctx.ack(Refusals.text(ex, Mrkdwn::escape));
		}
		catch (CutLookupException ex) {
			return ctx.ack(Replies.lookup(ex, command.verb().name().toLowerCase(Locale.ROOT)));
		}
		catch (StoreUnavailableException ex) {
			return ctx.ack(StoreDown.reply("/scopecut not served", ex));
		}
		catch (RejectedExecutionException ex) {
			log.warn("/scopecut {} not done: the publish queue is full",
					command.verb().name().toLowerCase(Locale.ROOT));
			return ctx.ack(Replies.TOO_BUSY);
		}
	}

	/**
	 * Opens the <em>New scope cut</em> modal before acknowledging: the trigger id works
	 * once and only for 3 seconds, and a refusal can still go in the acknowledgement.
	 */
	private Response openNewCutModal(SlashCommandPayload payload, SlashCommandContext ctx) {
		View modal = NewCutModal.view(this.clock.instant(), payload.getChannelId());
		return Modals.open(ctx.client(), payload.getTriggerId(), modal)
			.map((reason) -> ctx.ack(Replies.couldNotOpenModal(reason)))
			.orElseGet(ctx::ack);
	}

	/**
	 * Opens the <em>Edit scope cut</em> modal for the facilitator, before acknowledging
	 * as the New scope cut modal is; anyone else hears why not in the acknowledgement.
	 */
	private Response openEditModal(SlashCommandPayload payload, String workspace, CommandText command,
			SlashCommandContext ctx) {
		Cut cut = resolve(payload, workspace, command);
		return Modals.openEdit(this.edits, cut, payload.getUserId(), ctx.client(), payload.getTriggerId())
			.map(ctx::ack)
			.orElseGet(ctx::ack);
	}

	/**
	 * Opens the <em>New scope cut</em> form for the cut that follows the one named, or
	 * else the channel's latest closed cut, before acknowledging; the new cut runs in
	 * this channel.
	 */
	private Response openNextModal(SlashCommandPayload payload, String workspace, CommandText command,
			SlashCommandContext ctx) {
		Cut parent = command.cutId().isPresent() ? resolve(payload, workspace, command)
				: this.nextCuts.latestClosedIn(workspace, payload.getChannelId());
		return Modals
			.openNext(this.nextCuts, parent.ref(), payload.getUserId(), payload.getChannelId(), this.clock.instant(),
					ctx.client(), payload.getTriggerId())
			.map(ctx::ack)
			.orElseGet(ctx::ack);
	}

	/**
	 * Closes the cut; one that not everyone has voted on in full is asked about first, as
	 * the Close button's dialog asks, unless the command says {@code force}.
	 */
	private Response close(SlashCommandPayload payload, String workspace, CommandText command,
			SlashCommandContext ctx) {
		FinishResult result = this.cuts.close(new CloseCut(resolve(payload, workspace, command), payload.getUserId(),
				CommandText.FORCE.equals(command.argument())));
		if (result.outcome() == FinishResult.Outcome.UNCONFIRMED) {
			SlackMessage question = CutMessage.closeQuestion(result.standing());
			return ctx
				.ack((answer) -> answer.responseType("ephemeral").text(question.text()).blocks(question.blocks()));
		}
		return ctx.ack(Replies.finish(result, "close"));
	}

	private String remind(SlashCommandPayload payload, String workspace, CommandText command) {
		Cut cut = resolve(payload, workspace, command);
		return Replies.remind(cut, this.reminders.remindNow(cut, payload.getUserId()));
	}

	private Cut resolve(SlashCommandPayload payload, String workspace, CommandText command) {
		return this.cuts.resolve(workspace, payload.getChannelId(), payload.getUserId(), command.cutId());
	}

	/**
	 * Answers with the decision record in the acknowledgement; a record too long for one
	 * message follows in parts through the response URL, in order.
	 */
	private Response export(SlashCommandPayload payload, String workspace, CommandText command,
			SlashCommandContext ctx) {
		CutReading reading = this.cuts.export(workspace, payload.getChannelId(), payload.getUserId(), command.cutId());
		List<String> texts = DecisionRecord.slackTexts(reading.snapshot(), reading.readAt(), reading.edits(),
				this.people.names(workspace, named(reading), this.executor, NAMES_WAIT));
		if (texts.size() == 1) {
			return ctx.ack(texts.get(0));
		}
		this.executor.execute(() -> sendInOrder(ctx, texts));
		return ctx.ack(DecisionRecord.followsInParts(reading.snapshot(), texts.size()));
	}

	/** Whom a record names: the facilitator and whoever edited the cut. */
	private static Set<String> named(CutReading reading) {
		Set<String> named = new LinkedHashSet<>();
		named.add(reading.snapshot().cut().facilitator());
		reading.edits().forEach((edit) -> named.add(edit.by()));
		return named;
	}

	private static void sendInOrder(SlashCommandContext ctx, List<String> texts) {
		try {
			for (String text : texts) {
				ctx.respond(text);
			}
		}
		catch (IOException ex) {
			log.warn("Could not send a decision record in parts: {}", ex.toString());
		}
	}

	private Response start(SlashCommandPayload payload, String workspace, CommandText command,
			SlashCommandContext ctx) {
		Cut cut = this.cuts.start(new StartCut(workspace, payload.getChannelId(), payload.getUserId(),
				QuickStart.parse(command.text(), this.cuts.quickStartSettings())));
		NewCutPost.postAfterAck(this.executor, this.cuts, cut, (text) -> respond(ctx, text));
		return ctx.ack();
	}

	private static void respond(SlashCommandContext ctx, String text) {
		try {
			ctx.respond(text);
		}
		catch (IOException ex) {
			log.warn("Could not tell the facilitator that the cut was not posted: {}", ex.toString());
		}
	}

	private static String list(List<Cut> open) {
		if (open.isEmpty()) {
			return Replies.NO_OPEN_CUT;
		}
		return "*Open cuts in this channel*\n" + open.stream()
			.map((cut) -> "• `" + cut.ref().id() + "` " + Mrkdwn.escape(cut.title()) + " — " + cut.items().size()
					+ " items, started by " + Mrkdwn.user(cut.facilitator()))
			.collect(Collectors.joining("\n"));
	}

}
