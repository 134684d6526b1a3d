package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A person on one or more rosters. NIK is a string, never a number. */
public record Person(UUID id, int version, String nik, String fullName, Sex sex, LocalDate birthDate,
                     String birthPlace, String nkk, String phone, EmploymentStatus employmentStatus,
                     String homeVillageCode) {

    public Person withVersion(int v) {
        return new Person(id, v, nik, fullName, sex, birthDate, birthPlace, nkk, phone, employmentStatus, homeVillageCode);
    }

    /** ASN and PPPK are covered by Taspen, not BPJS Ketenagakerjaan. */
    public boolean enrollable() {
        return employmentStatus == null || employmentStatus == EmploymentStatus.NON_ASN;
    }

    public int ageOn(LocalDate date) {
        return birthDate == null ? -1 : java.time.Period.between(birthDate, date).getYears();
    }
}
