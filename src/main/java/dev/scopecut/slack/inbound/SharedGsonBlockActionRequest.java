package dev.scopecut.slack.inbound;

import java.nio.charset.StandardCharsets;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

/**
 * Bolt's own block action request, holding a payload parsed elsewhere. Its constructor is
 * handed no payload, so it parses nothing, and this class fills the context instead. The
 * body stays bytes until asked for as text, which Bolt does only for events and its own
 * signature check (switched off): a vote's 13 KB click is never decoded whole.
 */
class SharedGsonBlockActionRequest extends BlockActionRequest {

	private final byte[] body;

	private final BlockActionPayload payload;

	SharedGsonBlockActionRequest(byte[] body, BlockActionPayload payload, RequestHeaders headers) {
		super(null, null, headers);
		this.body = body;
		this.payload = payload;
		getContext().setResponseUrl(payload.getResponseUrl());
		getContext().setTriggerId(payload.getTriggerId());
		// The workspace the click happened in; an organisation-wide install may send no
		// team, and then, as in Bolt's own parser, the clicker's workspace.
		if (payload.getEnterprise() != null) {
			getContext().setEnterpriseId(payload.getEnterprise().getId());
		}
		else if (payload.getTeam() != null) {
			getContext().setEnterpriseId(payload.getTeam().getEnterpriseId());
		}
		if (payload.getTeam() != null && payload.getTeam().getId() != null) {
			getContext().setTeamId(payload.getTeam().getId());
		}
		else if (payload.getUser().getTeamId() != null) {
			getContext().setTeamId(payload.getUser().getTeamId());
		}
		getContext().setRequestUserId(payload.getUser().getId());
	}

	@Override
	public String getRequestBodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public BlockActionPayload getPayload() {
		return this.payload;
	}

}
