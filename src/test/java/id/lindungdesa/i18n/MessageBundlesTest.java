package id.lindungdesa.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Indonesian and English bundles carry the same keys, none empty (a missing key shows up as the raw key). */
class MessageBundlesTest {
    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        Properties id = load("messages.properties");
        Properties en = load("messages_en.properties");
        TreeSet<Object> onlyId = new TreeSet<>(id.keySet());
        onlyId.removeAll(en.keySet());
        TreeSet<Object> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(id.keySet());
        assertThat(onlyId).as("keys missing in English").isEmpty();
        assertThat(onlyEn).as("keys missing in Indonesian").isEmpty();
        assertThat(id.values()).noneMatch(v -> v.toString().isBlank());
    }

    @Test
    void theDeskShowsIndonesianFirstAndEnglishWhenChosen() {
        assertThat(new Messages(Messages.INDONESIAN).get("roster.new")).isEqualTo("Orang baru");
        assertThat(new Messages(Messages.ENGLISH).get("roster.new")).isEqualTo("New person");
        assertThat(new Messages(Messages.INDONESIAN).get("roster.count", 3, 10)).isEqualTo("Menampilkan 3 dari 10 jabatan");
    }
}
