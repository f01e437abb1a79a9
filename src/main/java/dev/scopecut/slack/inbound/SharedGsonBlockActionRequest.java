package dev.scopecut.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

/**
 * Bolt's own block action request, holding a payload parsed elsewhere. Its constructor is
 * handed no payload, so it parses nothing, and this class fills the context instead.
 */
class SharedGsonBlockActionRequest extends BlockActionRequest {

	private final BlockActionPayload payload;

	SharedGsonBlockActionRequest(String requestBody, BlockActionPayload payload, RequestHeaders headers) {
		super(requestBody, null, headers);
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
	public BlockActionPayload getPayload() {
		return this.payload;
	}

}
