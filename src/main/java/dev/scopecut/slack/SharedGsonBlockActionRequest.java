package dev.scopecut.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

/**
 * Bolt's own block action request, holding a payload parsed elsewhere. Bolt's constructor
 * is handed no payload, so it parses nothing; the context it would have filled is filled
 * here.
 */
class SharedGsonBlockActionRequest extends BlockActionRequest {

	private final BlockActionPayload payload;

	SharedGsonBlockActionRequest(String requestBody, BlockActionPayload payload, RequestHeaders headers) {
		super(requestBody, null, headers);
		this.payload = payload;
		getContext().setResponseUrl(payload.getResponseUrl());
		getContext().setTriggerId(payload.getTriggerId());
		if (payload.getTeam() != null) {
			getContext().setEnterpriseId(payload.getTeam().getEnterpriseId());
			getContext().setTeamId(payload.getTeam().getId());
		}
		getContext().setRequestUserId(payload.getUser().getId());
	}

	@Override
	public BlockActionPayload getPayload() {
		return this.payload;
	}

}
