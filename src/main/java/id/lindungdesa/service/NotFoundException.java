package id.lindungdesa.service;

import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Text;
import java.util.UUID;

/** A record asked for by id is not there (removed meanwhile, or a wrong id). */
public final class NotFoundException extends IllegalArgumentException implements Localized {
    private final transient Text text;

    public NotFoundException(String type, UUID id) {
        this(Text.of("error.notFound." + type, id));
    }

    public NotFoundException(Text text) {
        super(text.toString());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
