/*
 * Copyright the camel-chimpypos authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.chimpypos.emulator.internal.pos;

import java.util.Map;

/** Localised {@code error_message} and success texts for de, fr, it and en (English is the fallback). */
public final class Messages {

    private static final Map<String, Map<String, String>> TEXTS = Map.ofEntries(
            entry(
                    "battery_non_existing",
                    "Diese Powerbank existiert nicht.",
                    "Cette powerbank n'existe pas.",
                    "Questo powerbank non esiste.",
                    "This battery does not exist."),
            entry(
                    "battery_already_used",
                    "Diese Powerbank ist bereits vermietet.",
                    "Cette powerbank est déjà louée.",
                    "Questo powerbank è già noleggiato.",
                    "This battery has already been rented out."),
            entry(
                    "battery_not_rented_out",
                    "Diese Powerbank ist nicht vermietet.",
                    "Cette powerbank n'est pas louée.",
                    "Questo powerbank non è noleggiato.",
                    "This battery has not been rented out."),
            entry(
                    "battery_already_returned",
                    "Diese Powerbank wurde bereits zurückgegeben.",
                    "Cette powerbank a déjà été rendue.",
                    "Questo powerbank è già stato restituito.",
                    "This battery has already been returned."),
            entry(
                    "battery_expired",
                    "Diese Powerbank ist abgelaufen und darf nicht vermietet werden.",
                    "Cette powerbank est expirée et ne doit pas être louée.",
                    "Questo powerbank è scaduto e non può essere noleggiato.",
                    "This battery has expired and must not be rented out."),
            entry(
                    "user_hash_invalid",
                    "Dieser Gutschein ist ungültig.",
                    "Ce coupon n'est pas valable.",
                    "Questo buono non è valido.",
                    "This user coupon is not valid."),
            entry(
                    "user_inactive",
                    "Dieses Benutzerkonto ist nicht aktiv.",
                    "Ce compte utilisateur n'est pas actif.",
                    "Questo account utente non è attivo.",
                    "This user account is not active."),
            entry(
                    "undefined",
                    "Unbekannter Fehler: Standort unbekannt.",
                    "Erreur inconnue : emplacement inconnu.",
                    "Errore sconosciuto: punto vendita sconosciuto.",
                    "Undefined error: unknown location."),
            entry(
                    "station_setup_error",
                    "Die Station ist nicht korrekt eingerichtet.",
                    "La station n'est pas configurée correctement.",
                    "La stazione non è configurata correttamente.",
                    "The station is not set up correctly."),
            entry(
                    "station_offline_error",
                    "Die Station ist nicht verbunden.",
                    "La station est déconnectée.",
                    "La stazione non è connessa.",
                    "The station is offline."),
            entry(
                    "no_battery_available_error",
                    "In der Station ist keine geladene Powerbank verfügbar.",
                    "Aucune powerbank chargée n'est disponible dans la station.",
                    "Nessun powerbank carico disponibile nella stazione.",
                    "No charged battery is available in the station."),
            entry(
                    "station_not_found",
                    "Diese Station existiert nicht.",
                    "Cette station n'existe pas.",
                    "Questa stazione non esiste.",
                    "This station does not exist."),
            entry(
                    "payment_failed",
                    "Die Zahlung ist fehlgeschlagen.",
                    "Le paiement a échoué.",
                    "Il pagamento non è riuscito.",
                    "The payment failed."),
            entry(
                    "original_rental_not_found",
                    "Die ursprüngliche Miete wurde nicht gefunden.",
                    "La location d'origine est introuvable.",
                    "Il noleggio originale non è stato trovato.",
                    "The original rental was not found."),
            entry(
                    "general_error",
                    "Die Miete kann nicht storniert werden.",
                    "La location ne peut pas être annulée.",
                    "Il noleggio non può essere annullato.",
                    "The rental cannot be canceled."),
            entry(
                    "invalid_parameter",
                    "Ungültiger Parameter",
                    "Paramètre non valable",
                    "Parametro non valido",
                    "Invalid parameter"),
            entry("not_found", "Unbekannter Pfad.", "Chemin inconnu.", "Percorso sconosciuto.", "Unknown path."),
            entry(
                    "method_not_allowed",
                    "Methode nicht erlaubt.",
                    "Méthode non autorisée.",
                    "Metodo non consentito.",
                    "Method not allowed."),
            entry(
                    "payload_too_large",
                    "Die Anfrage ist zu gross.",
                    "La requête est trop volumineuse.",
                    "La richiesta è troppo grande.",
                    "The request body is too large."),
            entry(
                    "ok_pickup",
                    "Diese Powerbank kann vermietet werden!",
                    "Cette powerbank peut être louée !",
                    "Questo powerbank può essere noleggiato!",
                    "This battery can be rented out!"),
            entry(
                    "ok_return",
                    "Diese Powerbank kann zurückgegeben werden!",
                    "Cette powerbank peut être rendue !",
                    "Questo powerbank può essere restituito!",
                    "This battery can be returned!"),
            entry(
                    "ok_user",
                    "Dieser Gutschein ist gültig.",
                    "Ce coupon est valable.",
                    "Questo buono è valido.",
                    "This user coupon is valid."),
            entry(
                    "ok_everything",
                    "Alles hat wie erwartet funktioniert.",
                    "Tout a fonctionné comme prévu.",
                    "Tutto ha funzionato come previsto.",
                    "Everything worked as expected."),
            entry(
                    "injected_fault",
                    "Vorübergehender Serverfehler.",
                    "Erreur temporaire du serveur.",
                    "Errore temporaneo del server.",
                    "Temporary server error."));

    private Messages() {}

    private static Map.Entry<String, Map<String, String>> entry(
            String key, String de, String fr, String it, String en) {
        return Map.entry(key, Map.of("de", de, "fr", fr, "it", it, "en", en));
    }

    /** The text for {@code key} in the language of {@code locale} ({@code de-CH}, {@code fr}...). */
    public static String text(String key, String locale) {
        Map<String, String> byLanguage = TEXTS.get(key);
        if (byLanguage == null) {
            throw new IllegalArgumentException("No message for " + key);
        }
        String language = locale == null || locale.length() < 2 ? "en" : locale.substring(0, 2);
        return byLanguage.getOrDefault(language, byLanguage.get("en"));
    }
}
