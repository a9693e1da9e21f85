package dev.camelbedrock.emulator.controlplane;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ResolvedModel;

/** {@code GET /foundation-models/{modelIdentifier}}: a base model id or a foundation-model ARN. */
public final class GetFoundationModelHandler implements Operation {

    @Override
    public String name() {
        return "GetFoundationModel";
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/foundation-models/{modelIdentifier}";
    }

    @Override
    public Service service() {
        return Service.CONTROL_PLANE;
    }

    @Override
    public void handle(Exchange ex) {
        String id = ex.pathParam("modelIdentifier");
        FoundationModel model = ex.context().catalog().resolve(id)
                .filter(r -> r.kind() == ResolvedModel.Kind.BASE_ID
                        || r.kind() == ResolvedModel.Kind.FOUNDATION_MODEL_ARN)
                .map(ResolvedModel::model)
                .orElseThrow(() -> ServiceException.notFound("The model " + id + " was not found."));
        ObjectNode body = Json.object();
        body.set("modelDetails", model.toJson(ex.region()));
        ex.sendJson(200, body);
    }
}
