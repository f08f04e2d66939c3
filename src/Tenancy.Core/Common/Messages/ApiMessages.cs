using System.Reflection;

namespace Tenancy.Core.Common.Messages;

/// <summary>
/// The one catalogue of what the API says to people, in English and French (<c>Accept-Language</c>), by code. A
/// sentence not listed here is said in English whatever the language asked; every listed one has both languages (a
/// test keeps it so).
/// </summary>
public static class ApiMessages
{
    // Problem titles.
    public static readonly Message NotValid = new("title.validation", "The request is not valid.", "La requête n'est pas valide.");
    public static readonly Message AuthenticationRequired = new("title.unauthorized", "Authentication is required.", "Une authentification est requise.");
    public static readonly Message NotFound = new("title.not-found", "Not found.", "Introuvable.");
    public static readonly Message Conflict = new("title.conflict", "Conflict.", "Conflit.");
    public static readonly Message ResourceChanged = new("title.stale-etag", "The resource has changed.", "La ressource a changé.");
    public static readonly Message PlanRequired = new("title.msp-plan-required", "The MSP plan is required.", "L'offre MSP est requise.");
    public static readonly Message SignatureRequired = new("title.signature-required", "This operation needs a signed request.", "Cette opération demande une requête signée.");
    public static readonly Message BadRequest = new("title.bad-request", "Bad request.", "Requête incorrecte.");
    public static readonly Message NotAllowed = new("title.forbidden", "This operation is not allowed.", "Cette opération n'est pas permise.");
    public static readonly Message TooManyRequests = new("title.rate-limited", "Too many requests.", "Trop de requêtes.");

    // Refusals (R10).
    public static readonly Message RoleMayNot = new("forbidden.role", "The {0} role may not do this ({1}).", "Le rôle {0} ne permet pas de faire ceci ({1}).");
    public static readonly Message NotForAgents = new("forbidden.agents", "This operation is not allowed for agents.", "Cette opération n'est pas permise aux agents.");
    public static readonly Message KeyMissing = new("unauthorized.missing",
        "Send your API key (the account's or an agent's) or your work account's token as 'Authorization: Bearer <key or token>'.",
        "Envoyez votre clé d'API (celle du compte ou d'un agent) ou le jeton de votre compte professionnel dans « Authorization: Bearer <clé ou jeton> ».");
    public static readonly Message Unlinked = new("unauthorized.unlinked",
        "Your work account is not linked to an agent of any account: ask an administrator of your account for an invitation, then open its link.",
        "Votre compte professionnel n'est lié à aucun agent : demandez une invitation à un administrateur de votre compte, puis ouvrez son lien.");
    public static readonly Message KeyNotValid = new("unauthorized.invalid", "The API key is not valid.", "La clé d'API n'est pas valide.");

    // Not found.
    public static readonly Message TenantNotFound = new("not-found.tenant", "Tenant '{0}' was not found.", "Le locataire « {0} » est introuvable.");
    public static readonly Message GroupNotFound = new("not-found.device-group", "Device group '{0}' was not found.", "Le groupe d'appareils « {0} » est introuvable.");
    public static readonly Message DeviceNotFound = new("not-found.device", "Device '{0}' was not found.", "L'appareil « {0} » est introuvable.");
    public static readonly Message ContactNotFound = new("not-found.contact", "Contact '{0}' was not found on tenant '{1}'.", "Le contact « {0} » est introuvable chez le locataire « {1} ».");
    public static readonly Message AgentNotFound = new("not-found.agent", "Agent '{0}' was not found.", "L'agent « {0} » est introuvable.");

    // Field rules.
    public static readonly Message TooLong = new("field.too-long", "Must be at most {0} characters (got {1}).", "Doit compter au plus {0} caractères (reçu : {1}).");
    public static readonly Message ControlCharacters = new("field.control-characters", "Must not contain control characters.", "Ne doit pas contenir de caractères de contrôle.");
    public static readonly Message NameRequired = new("field.name-required", "A name is required.", "Le nom est obligatoire.");
    public static readonly Message TenantNameRequired = new("tenant.name-required", "A tenant name is required.", "Le nom du locataire est obligatoire.");
    public static readonly Message ContactNameRequired = new("contact.name-required", "A contact name is required.", "Le nom du contact est obligatoire.");
    public static readonly Message EmailNotValid = new("contact.email", "'{0}' is not a valid email address.", "« {0} » n'est pas une adresse électronique valide.");
    public static readonly Message CountryCode = new("contact.country-code", "Must be '+' followed by 1 to 3 digits, e.g. +33.",
        "Doit être « + » suivi de 1 à 3 chiffres, par exemple +33.");
    public static readonly Message PhoneCharacters = new("contact.phone-characters", "May contain only digits, spaces and . - / ( ); put the country code in countryCode.",
        "Ne peut contenir que des chiffres, des espaces et . - / ( ) ; mettez l'indicatif du pays dans countryCode.");
    public static readonly Message PhoneDigits = new("contact.phone-digits", "Must have {0} to {1} digits (got {2}).", "Doit compter de {0} à {1} chiffres (reçu : {2}).");
    public static readonly Message ContactRequired = new("tenant.contact-required", "A tenant needs at least one contact.", "Un locataire a besoin d'au moins un contact.");
    public static readonly Message OnePrimary = new("tenant.one-primary", "Only one contact can be primary ({0} are marked isPrimary).",
        "Un seul contact peut être principal ({0} sont marqués isPrimary).");
    public static readonly Message PrimaryRequired = new("tenant.primary-required", "A tenant always has one primary contact: make another contact primary instead.",
        "Un locataire a toujours un contact principal : rendez plutôt un autre contact principal.");
    public static readonly Message LastContact = new("tenant.last-contact", "The last contact of a tenant cannot be removed.", "Le dernier contact d'un locataire ne peut pas être retiré.");
    public static readonly Message TenantNameTaken = new("tenant.name-taken", "A tenant named '{0}' already exists.", "Un locataire nommé « {0} » existe déjà.");
    public static readonly Message DomainTaken = new("tenant.domain-taken", "The domain '{0}' already belongs to tenant '{1}'.", "Le domaine « {0} » appartient déjà au locataire « {1} ».");
    public static readonly Message TenantStale = new("tenant.stale", "The tenant has changed since you read it (If-Match is stale).",
        "Le locataire a changé depuis votre lecture (If-Match n'est plus à jour).");
    public static readonly Message TooManyDomains = new("tenant.too-many-domains", "A tenant can own at most {0} domains.", "Un locataire peut posséder au plus {0} domaines.");
    public static readonly Message DomainRequired = new("domain.required", "A domain is required.", "Un domaine est obligatoire.");
    public static readonly Message DomainSpaces = new("domain.spaces", "'{0}' must not contain spaces.", "« {0} » ne doit pas contenir d'espaces.");
    public static readonly Message DomainTwoLabels = new("domain.two-labels", "'{0}' needs at least two labels, e.g. contoso.com.",
        "« {0} » doit compter au moins deux parties, par exemple contoso.com.");
    public static readonly Message DomainCharacters = new("domain.characters", "'{0}' may contain only letters, digits, hyphens and dots (label '{1}').",
        "« {0} » ne peut contenir que des lettres, des chiffres, des traits d'union et des points (partie « {1} »).");
    public static readonly Message DomainEmptyLabel = new("domain.empty-label", "'{0}' has an empty label (two dots in a row, or a leading dot).",
        "« {0} » a une partie vide (deux points de suite, ou un point au début).");
    public static readonly Message GroupOwnedElsewhere = new("device-group.owned-elsewhere",
        "Device group '{0}' already belongs to tenant '{1}'. Confirm the move with confirmReassign: true.",
        "Le groupe d'appareils « {0} » appartient déjà au locataire « {1} ». Confirmez le déplacement avec confirmReassign: true.");
    public static readonly Message IdShape = new("field.id", "Must be an id: letters, digits, '_' or '-', 3 to 64 characters.",
        "Doit être un identifiant : lettres, chiffres, « _ » ou « - », de 3 à 64 caractères.");
    public static readonly Message LanguageCode = new("query.lang", "Must be en or fr.", "Doit être en ou fr.");
    public static readonly Message PageSize = new("query.page-size", "Must be a whole number from 1 to {0}.", "Doit être un nombre entier de 1 à {0}.");

    // Import rows (R7–R9): stored in English, said in the reader's language when read.
    public static readonly Message NotTrueOrFalse = new("import.primary",
        "'{0}' is not true or false. Use TRUE or FALSE (also accepted: yes/no, 1/0, vrai/faux, oui/non).",
        "« {0} » n'est ni vrai ni faux. Utilisez VRAI ou FAUX (acceptés aussi : oui/non, 1/0, true/false, yes/no).");
    public static readonly Message Formula = new("import.formula", "Formulas are not allowed: type the value itself (in Excel, copy the cells and use Paste Values).",
        "Les formules ne sont pas acceptées : saisissez la valeur elle-même (dans Excel, copiez les cellules puis utilisez Coller les valeurs).");
    public static readonly Message DateInText = new("import.date", "A date where text belongs: format the column as Text, then type the value again.",
        "Une date là où du texte est attendu : mettez la colonne au format Texte, puis saisissez de nouveau la valeur.");
    public static readonly Message TimeInText = new("import.time", "A time where text belongs: format the column as Text, then type the value again.",
        "Une heure là où du texte est attendu : mettez la colonne au format Texte, puis saisissez de nouveau la valeur.");
    public static readonly Message DecimalInText = new("import.decimal", "A decimal number where digits belong: format the column as Text, then type the value again.",
        "Un nombre décimal là où des chiffres sont attendus : mettez la colonne au format Texte, puis saisissez de nouveau la valeur.");
    public static readonly Message Unreadable = new("import.unreadable", "This cell could not be read as text.", "Cette cellule n'a pas pu être lue comme du texte.");
    public static readonly Message TenantRefused = new("import.tenant-refused", "Not imported because its tenant was refused.",
        "Non importée, car son locataire a été refusé.");
    public static readonly Message HeldBackByRow = new("import.held-back-row", "Not imported because row {0} of tenant '{1}' has errors.",
        "Non importée, car la ligne {0} du locataire « {1} » comporte des erreurs.");
    public static readonly Message HeldBackByRows = new("import.held-back-rows", "Not imported because rows {0} of tenant '{1}' have errors.",
        "Non importée, car les lignes {0} du locataire « {1} » comportent des erreurs.");
    public static readonly Message ExampleSkipped = new("import.example-skipped",
        "The template's example tenant '{0}' was left unchanged and was skipped; replace it with your own tenants or delete its rows.",
        "Le locataire d'exemple du modèle « {0} » a été laissé tel quel et ignoré ; remplacez-le par vos locataires ou supprimez ses lignes.");
    public static readonly Message SameTenant = new("import.same-tenant", "'{0}' is taken as the same tenant as '{1}' (row {2}), whose spelling is kept.",
        "« {0} » est compris comme le même locataire que « {1} » (ligne {2}), dont l'orthographe est gardée.");
    public static readonly Message PrimaryKept = new("import.primary-kept",
        "Tenant '{0}' already has a primary contact on row {1}, which is kept; this contact is added as not primary.",
        "Le locataire « {0} » a déjà un contact principal à la ligne {1}, qui est gardé ; ce contact est ajouté comme non principal.");
    public static readonly Message NotesDiffer = new("import.notes-differ", "These tenant notes differ from those on row {0}, which are kept.",
        "Ces notes du locataire diffèrent de celles de la ligne {0}, qui sont gardées.");

    // Words said inside other messages (role and operation names of a refusal).
    public static readonly Message Technician = new("word.technician", "technician", "technicien");
    public static readonly Message Administrator = new("word.administrator", "administrator", "administrateur");
    public static readonly Message ManageTenants = new("word.manage-tenants", "changing tenants, contacts, domains, device groups or devices",
        "modifier des locataires, des contacts, des domaines, des groupes d'appareils ou des appareils");
    public static readonly Message Imports = new("word.imports", "imports", "importations");
    public static readonly Message Routing = new("word.routing", "ticket routing", "routage des tickets");
    public static readonly Message ManageAccess = new("word.manage-access", "managing agents, grants and access", "gérer les agents, les autorisations et les accès");
    public static readonly Message ReadAudit = new("word.read-audit", "reading the audit log", "lire le journal d'audit");
    public static readonly Message MoveDevices = new("word.move-devices", "moving devices", "déplacer des appareils");
    public static readonly Message SigningKeys = new("word.signing-keys", "managing signing keys", "gérer les clés de signature");
    public static readonly Message PersonalData = new("word.personal-data", "finding and erasing personal data",
        "rechercher et effacer des données personnelles");
    public static readonly Message Reading = new("word.reading", "reading", "lire");

    /// <summary>Every message of the catalogue.</summary>
    public static IReadOnlyList<Message> All { get; } = typeof(ApiMessages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Message)).Select(f => (Message)f.GetValue(null)!).ToList();
}
