package dev.hardening.auditor.desktop.system;

import javafx.application.HostServices;

/** Opens links through the JavaFX {@link HostServices} of the running application. */
public final class HostServicesLinkOpener implements LinkOpener {
    private final HostServices hostServices;

    public HostServicesLinkOpener(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    @Override
    public void open(String url) {
        hostServices.showDocument(url);
    }
}
