package io.quarkiverse.schematic.deployment;

import io.quarkiverse.schematic.runtime.devui.RecentFlagChecks;
import io.quarkiverse.schematic.runtime.devui.SchematicDevUiService;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Schematic card of the Dev UI: configuration, flags of the dev service with a toggle, recent flag checks and
 * events.
 */
class DevUiProcessor {

    /**
     * The beans behind the card. Registered in test mode too, so that tests can call the service like the Dev UI
     * does; the flag-check listener costs one array write per check.
     */
    @BuildStep(onlyIfNot = IsNormal.class)
    AdditionalBeanBuildItem devUiBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(RecentFlagChecks.class, SchematicDevUiService.class)
                .setUnremovable()
                .build();
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Flags & events")
                .icon("font-awesome-solid:flag")
                .componentLink("qwc-schematic.js"));
        return card;
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(SchematicDevUiService.class);
    }
}
