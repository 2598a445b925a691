package dev.revcycle.eligibility.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a provider's name, as claims keeps it, becomes the 270's NM103 / NM104. */
class KnownProviderTest {
    private static KnownProvider person(String name) {
        return new KnownProvider(UUID.randomUUID(), "p1", "1245319599", name, ProviderEntityType.PERSON, true);
    }

    private static KnownProvider organization(String name) {
        return new KnownProvider(UUID.randomUUID(), "p1", "1245319599", name, ProviderEntityType.ORGANIZATION, true);
    }

    @Test
    void aPersonKeyedLastCommaFirstIsSplit() {
        assertThat(person("Okafor, Ana").lastOrOrganizationName()).isEqualTo("Okafor");
        assertThat(person("Okafor, Ana").firstName()).isEqualTo("Ana");
        assertThat(person("  Van Dyke ,  Mary Ann ").lastOrOrganizationName()).isEqualTo("Van Dyke");
        assertThat(person("  Van Dyke ,  Mary Ann ").firstName()).isEqualTo("Mary Ann");
    }

    @Test
    void aPersonWhoseNameCannotBeSplitIsNamedWhole() {
        // no comma: which word is the family name cannot be told
        assertThat(person("Ana Okafor").lastOrOrganizationName()).isEqualTo("Ana Okafor");
        assertThat(person("Ana Okafor").firstName()).isNull();
        // nothing after the comma, or nothing before it
        assertThat(person("Okafor,").lastOrOrganizationName()).isEqualTo("Okafor");
        assertThat(person("Okafor,").firstName()).isNull();
        assertThat(person(", Ana").lastOrOrganizationName()).isEqualTo(", Ana");
        assertThat(person(", Ana").firstName()).isNull();
    }

    @Test
    void anOrganizationKeepsItsCommas() {
        assertThat(organization("Bone, Joint and Spine, LLC").lastOrOrganizationName())
                .isEqualTo("Bone, Joint and Spine, LLC");
        assertThat(organization("Bone, Joint and Spine, LLC").firstName()).isNull();
    }

    @Test
    void refusesWhatA270CannotCarry() {
        assertThatThrownBy(() -> new KnownProvider(UUID.randomUUID(), "p1", "12345", "X", ProviderEntityType.PERSON,
                false)).hasMessage("npi must be ten digits");
        assertThatThrownBy(() -> organization(" ")).hasMessage("name is required");
    }
}
