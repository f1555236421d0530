import Catalog
import Foundation
import Testing
@testable import Profile

/// The value validators on published examples, and the look-alikes each must refuse.
@Suite("PII value checks")
struct PIIValueCheckTests {
    @Test func nationalIDsNeedTheirCheckDigits() {
        #expect(NationalIDCheck.identify("529.982.247-25") == "Brazilian CPF numbers")
        #expect(NationalIDCheck.identify("52998224725") == "Brazilian CPF numbers")
        #expect(NationalIDCheck.identify("529.982.247-26") == nil && NationalIDCheck.identify("111.111.111-11") == nil)
        #expect(NationalIDCheck.identify("1 85 05 78 006 084 91") == "French social security numbers (NIR)")
        #expect(NationalIDCheck.identify("1 85 05 78 006 084 92") == nil)
        #expect(NationalIDCheck.identify("111222333") == "Dutch BSN numbers (11-test)")
        #expect(NationalIDCheck.identify("123456782") == "Dutch BSN numbers (11-test)")
        #expect(NationalIDCheck.identify("12345678Z") == "Spanish DNI/NIE numbers" && NationalIDCheck.identify("X1234567L") == "Spanish DNI/NIE numbers")
        #expect(NationalIDCheck.identify("12345678A") == nil && NationalIDCheck.identify("X1234567A") == nil)
        #expect(NationalIDCheck.identify("86095742719") == "German tax ids (Steuer-ID)")
        #expect(NationalIDCheck.identify("86095742718") == nil)
        // Ten distinct digits before the check digit: not a Steuer-ID, whatever the check digit.
        #expect(!NationalIDCheck.isGermanTaxID(Array("12345678903".utf8)))
        #expect(NationalIDCheck.identify("RSSMRA85T10A562S") == "Italian codici fiscali" && NationalIDCheck.identify("RSSMRA85T10A562T") == nil)
        #expect(NationalIDCheck.identify("123456789018") == "Japanese My Number ids" && NationalIDCheck.identify("123456789017") == nil)
        #expect(NationalIDCheck.identify("71112295748") == "Belgian national register numbers")
        #expect(NationalIDCheck.identify("09031852547") == "Belgian national register numbers")  // born in 2009: 2 in front
        #expect(NationalIDCheck.identify("4904300573") == "Austrian social insurance numbers" && NationalIDCheck.identify("4914300573") == nil)
        #expect(NationalIDCheck.identify("26663538119") == "Mexican social security numbers (NSS)")
        #expect(NationalIDCheck.identify("SKU-12345-AB") == nil && NationalIDCheck.identify("2026-01-12") == nil)
    }

    @Test func secretsByTheirValue() {
        #expect(SecretCheck.identify("ghp_" + String(repeating: "aB3", count: 12)) == "GitHub tokens")
        #expect(SecretCheck.identify("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz") == "GitHub tokens")
        #expect(SecretCheck.identify("AKIAIOSFODNN7EXAMPLE") == "AWS access key ids")
        #expect(SecretCheck.identify("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "JSON web tokens")
        #expect(SecretCheck.identify("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW") == "password hashes")
        #expect(SecretCheck.identify("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG") == "password hashes")
        #expect(SecretCheck.identify("sk_live_4eC39HqLyjWDarjtT1zdp7dc") == "live API secret keys")
        #expect(SecretCheck.identify("tok_" + "9f86d081884c7d659a2feaa0c55ad015") == "prefixed API tokens")
        #expect(SecretCheck.identify("Zm9vYmFyX3NlY3JldF9rZXlfMTIzNDU2Nzg5MEFCQ0RFRg") == SecretCheck.randomToken)
        // Ids and digests: hex, UUIDs, object ids with a short random part, words.
        #expect(SecretCheck.identify("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") == nil)
        #expect(SecretCheck.identify("123e4567-e89b-42d3-a456-426614174000") == nil)
        #expect(SecretCheck.identify("cus_NffrFeUfNV2Hib") == nil && SecretCheck.identify("req_0123456789abcdef01234567") == nil)
        #expect(SecretCheck.identify("the-quick-brown-fox-jumps-over-the-lazy-dog") == nil)
    }

    @Test func datesInEveryCommonLayout() {
        #expect(CalendarDate(parsing: "12.03.1985") == CalendarDate(year: 1985, month: 3, day: 12))
        #expect(CalendarDate(parsing: "12/03/1985") == CalendarDate(year: 1985, month: 3, day: 12))
        #expect(CalendarDate(parsing: "03/25/1985") == CalendarDate(year: 1985, month: 3, day: 25))
        #expect(CalendarDate(parsing: "1985年3月12日") == CalendarDate(year: 1985, month: 3, day: 12))
        #expect(CalendarDate(parsing: "1985-03-12 00:00:00")?.hasTime == false && CalendarDate(parsing: "2026-03-12T14:30:00")?.hasTime == true)
        #expect(CalendarDate(parsing: "123.456.789-09") == nil && CalendarDate(parsing: "32.03.1985") == nil)
    }

    @Test func streetAddressesInSeveralLanguages() {
        for address in ["Hauptstraße 5", "Bahnhofstr. 12", "Kerkstraat 8a", "12, rue de Rivoli", "C. de Alcalá, 12", "Calle Mayor 5, 3º B",
                        "Rua Augusta, 41", "Via Roma 10", "Julianalaan 3", "171 Stark Cliffs", "東京都新宿区西新宿2丁目8-1"] {
            #expect(StreetAddressCheck.isStreetAddress(address), "\(address)")
        }
        for address in ["Feira de Melo, 438", "Canale Gilberto, 87", "Retorno Luxemburgo 372 Edif. 930 , Depto. 682"] {
            #expect(StreetAddressCheck.isStreetAddress(address), "\(address)")
        }
        for other in ["Trail Runner 2", "INV-2026-123456", "Rue de Rivoli", "75001 Paris", "Zaino Urbano 20L", "SKU-48213", "三鷹市"] {
            #expect(!StreetAddressCheck.isStreetAddress(other), "\(other)")
        }
    }

    @Test func peopleNamesAndTheirLookAlikes() {
        for name in ["Jonas Müller", "MÜLLER Jonas", "García López, Lucía", "Dr. Anna van Dijk", "佐藤 陽翔", "鈴木花子", "Haruto Sato"] {
            #expect(PersonNameCheck.judge(name) == .listed, "\(name)")
        }
        #expect(PersonNameCheck.judge("Müller GmbH") == .company && PersonNameCheck.judge("Alves SARL") == .company)
        #expect(PersonNameCheck.judge("株式会社阿部電気") == .company && PersonNameCheck.judge("中野区") == .notAName)
        #expect(PersonNameCheck.judge("Saint-Denis-sur-Mer") == .notAName && PersonNameCheck.judge("San Sebastián") == .notAName)
        #expect(PersonNameCheck.judge("佐々木") == .listed && PersonNameCheck.judge("Port Amanda") == .notAName)
        #expect(PersonNameCheck.judge("Sainte-Julie") == .notAName && PersonNameCheck.judge("Müller-Lüdenscheidt") == .listed)
        #expect(PersonNameCheck.judge("Rue de Rivoli") == .notAName && PersonNameCheck.judge("SKU-12345") == .notAName)
        #expect(PostalCodeCheck.isPostalCode("SW1A 1AA") && PostalCodeCheck.isPostalCode("1012 AB") && PostalCodeCheck.isPostalCode("〒100-0001"))
        #expect(!PostalCodeCheck.isPostalCode("75001") && !PostalCodeCheck.isPostalCode("SKU-1234"))
    }
}
