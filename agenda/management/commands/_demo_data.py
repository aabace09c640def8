"""The hand-written Dutch content of the demo edition: venues, providers and their activities."""

from dataclasses import dataclass

from agenda.models import ActivityState
from providers.models import Provider

Kind = Provider.Kind


@dataclass(frozen=True)
class DemoVenue:
    key: str
    name: str
    address: tuple[str, str, str]  # street and number, postcode, place
    district: str
    location: tuple[str, str]  # latitude, longitude
    access: tuple[str, ...]  # any of "wheelchair", "toilet", "loop" (hearing loop)
    notes: str = ""


@dataclass(frozen=True)
class DemoActivity:
    title: str
    text: str
    audiences: tuple[str, ...]
    ages: tuple[int | None, int | None] = (None, None)
    # Empty: the provider's first discipline.
    disciplines: tuple[str, ...] = ()
    # None: what the provider usually asks people to bring.
    bring: str | None = None
    # Empty: what the provider charges afterwards in general.
    follow_up: str = ""
    # Empty: one of the provider's own venues.
    venue: str = ""
    # None: left to the seeded dice, so the mix stays around a quarter walk-in.
    walk_in: bool | None = None
    no_dutch_needed: bool = False
    state: str = ActivityState.APPROVED


@dataclass(frozen=True)
class DemoProvider:
    slug: str
    name: str
    kind: str
    district: str
    disciplines: tuple[str, ...]
    venues: tuple[str, ...]
    contact: str
    text: str
    follow_up: str
    activities: tuple[DemoActivity, ...]
    bring: str = ""
    status: str = Provider.Status.APPROVED


CHILDREN = ("kinderen",)
YOUTH = ("jongeren",)
SENIORS = ("senioren",)
EVERYONE = ("volwassenen", "senioren", "gezinnen")
ADULTS = ("volwassenen", "senioren")

VENUES = (
    # Venlo-Centrum
    DemoVenue(
        "limburgs-museum",
        "Limburgs Museum",
        address=("Keulsepoort 5", "5911BX", "Venlo"),
        district="venlo-centrum",
        location=("51.368900", "6.171100"),
        access=("wheelchair", "toilet", "loop"),
        notes="Lift naar alle zalen. Bij de balie kun je een rolstoel lenen.",
    ),
    DemoVenue(
        "van-bommel-van-dam",
        "Museum van Bommel van Dam",
        address=("Deken van Oppensingel 6", "5911AD", "Venlo"),
        district="venlo-centrum",
        location=("51.371800", "6.166400"),
        access=("wheelchair", "toilet"),
        notes="De ingang aan de zijkant heeft geen drempel.",
    ),
    DemoVenue(
        "maaspoort",
        "Theater De Maaspoort",
        address=("Jachthavenplein 1", "5911JR", "Venlo"),
        district="venlo-centrum",
        location=("51.366700", "6.174900"),
        access=("wheelchair", "toilet", "loop"),
        notes="Ringleiding in de grote zaal. Parkeren in de garage onder het theater.",
    ),
    DemoVenue(
        "bibliotheek-venlo",
        "Bibliotheek Venlo",
        address=("Nieuwstraat 40", "5911JV", "Venlo"),
        district="venlo-centrum",
        location=("51.370200", "6.169300"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "grenswerk",
        "Poppodium Grenswerk",
        address=("Bolwaterstraat 5", "5911CK", "Venlo"),
        district="venlo-centrum",
        location=("51.372600", "6.173400"),
        access=("wheelchair", "toilet"),
        notes="De oefenruimtes zijn op de eerste verdieping; er is een lift.",
    ),
    DemoVenue(
        "martinuskerk",
        "Sint-Martinuskerk",
        address=("Grote Kerkstraat 19", "5911CE", "Venlo"),
        district="venlo-centrum",
        location=("51.369500", "6.172600"),
        access=("loop",),
        notes="Twee treden bij de hoofdingang. Een oprijplaat is er op aanvraag.",
    ),
    # Venlo-Zuid
    DemoVenue(
        "hvdw-venlo-zuid",
        "Huis van de Wijk Venlo-Zuid",
        address=("Hogeweg 120", "5912AM", "Venlo"),
        district="venlo-zuid",
        location=("51.357800", "6.168900"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "notenbalk",
        "Muziekschool De Notenbalk",
        address=("Eindhovenseweg 42", "5913BN", "Venlo"),
        district="venlo-zuid",
        location=("51.352400", "6.172100"),
        access=("toilet",),
        notes="Lessen zijn op de begane grond. De toiletten zijn boven.",
    ),
    # Venlo-Oost
    DemoVenue(
        "hvdw-venlo-oost",
        "Huis van de Wijk Venlo-Oost",
        address=("Straelseweg 160", "5914AT", "Venlo"),
        district="venlo-oost",
        location=("51.374500", "6.191200"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "filmstudio-maasland",
        "Filmstudio Maasland",
        address=("Vierpaardjes 5", "5914BK", "Venlo"),
        district="venlo-oost",
        location=("51.376900", "6.185700"),
        access=(),
        notes="De studio is in de kelder, bereikbaar via een trap.",
    ),
    DemoVenue(
        "dansschool-move",
        "Dansschool Move",
        address=("Sint Urbanusweg 30", "5914CH", "Venlo"),
        district="venlo-oost",
        location=("51.371100", "6.196300"),
        access=("wheelchair",),
    ),
    # Op de Heide lies inside Venlo-Noord's postcode range and wins with its narrower 5915 range.
    DemoVenue(
        "hvdw-op-de-heide",
        "Huis van de Wijk Op de Heide",
        address=("Albionstraat 30", "5915BL", "Venlo"),
        district="op-de-heide",
        location=("51.386400", "6.156700"),
        access=("wheelchair", "toilet"),
        notes="Parkeren kan gratis voor de deur.",
    ),
    # Venlo-Noord, outside Op de Heide
    DemoVenue(
        "hvdw-venlo-noord",
        "Huis van de Wijk Venlo-Noord",
        address=("Hagerhofweg 8", "5916PP", "Venlo"),
        district="venlo-noord",
        location=("51.381200", "6.167800"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "atelier-peeters",
        "Atelier Lisa Peeters",
        address=("Venrayseweg 44", "5917AB", "Venlo"),
        district="venlo-noord",
        location=("51.393100", "6.162200"),
        access=(),
        notes="Het atelier is op zolder; er is geen lift.",
    ),
    # Blerick, outside the nested Klingerberg (5923) and Vastenavondkamp (5925)
    DemoVenue(
        "harmoniezaal-blerick",
        "Harmoniezaal St. Caecilia",
        address=("Kloosterstraat 12", "5921CM", "Venlo"),
        district="blerick",
        location=("51.368300", "6.149400"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "kunstencentrum-blerick",
        "Kunstencentrum Blerick",
        address=("Antoniuslaan 58", "5922AN", "Venlo"),
        district="blerick",
        location=("51.364900", "6.141800"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "bibliotheek-blerick",
        "Bibliotheek Blerick",
        address=("Antoniusplein 2", "5924AB", "Venlo"),
        district="blerick",
        location=("51.362700", "6.146300"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "drumstudio-blerick",
        "Drumstudio Blerick",
        address=("Industriestraat 21", "5926CH", "Venlo"),
        district="blerick",
        location=("51.371900", "6.130500"),
        access=("wheelchair",),
        notes="Drempel van vijf centimeter bij de ingang.",
    ),
    # Priority neighbourhoods of Blerick, and the villages around it
    DemoVenue(
        "hvdw-klingerberg",
        "Huis van de Wijk Klingerberg",
        address=("Lambertusplein 4", "5923BA", "Venlo"),
        district="klingerberg",
        location=("51.366100", "6.139200"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "hvdw-vastenavondkamp",
        "Huis van de Wijk Vastenavondkamp",
        address=("Koningin Julianastraat 50", "5925AC", "Venlo"),
        district="vastenavondkamp",
        location=("51.360800", "6.152300"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "gemeenschapshuis-hout-blerick",
        "Gemeenschapshuis Hout-Blerick",
        address=("Houtstraat 4", "5927AD", "Venlo"),
        district="hout-blerick",
        location=("51.352900", "6.121600"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "atelier-hendrix",
        "Beeldhouwatelier Hendrix",
        address=("Heierhoeve 7", "5927PT", "Venlo"),
        district="hout-blerick",
        location=("51.348700", "6.114800"),
        access=(),
        notes="Werkplaats met een grindpad; lastig met een rolstoel.",
    ),
    DemoVenue(
        "gemeenschapshuis-boekend",
        "Gemeenschapshuis Boekend",
        address=("Boekenderweg 20", "5928NH", "Venlo"),
        district="boekend",
        location=("51.383600", "6.121700"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "circushal-boekend",
        "Circushal Boekend",
        address=("Zandterweg 11", "5928RK", "Venlo"),
        district="boekend",
        location=("51.387900", "6.114600"),
        access=("wheelchair", "toilet"),
    ),
    # Tegelen
    DemoVenue(
        "tiendschuur",
        "Keramiekcentrum Tiendschuur",
        address=("Kasteellaan 8", "5932AG", "Tegelen"),
        district="tegelen",
        location=("51.340300", "6.142700"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "zaal-eendracht",
        "Zaal Eendracht",
        address=("Kerkstraat 10", "5931NP", "Tegelen"),
        district="tegelen",
        location=("51.344100", "6.136200"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "gitaarschool-tegelen",
        "Gitaarschool Tegelen",
        address=("Molenstraat 14", "5931AK", "Tegelen"),
        district="tegelen",
        location=("51.346300", "6.139800"),
        access=(),
        notes="Lesruimte op de eerste verdieping.",
    ),
    DemoVenue(
        "kleurdoos",
        "Atelier De Kleurdoos",
        address=("Maasstraat 33", "5932BX", "Tegelen"),
        district="tegelen",
        location=("51.338700", "6.131500"),
        access=("wheelchair",),
    ),
    # Steyl
    DemoVenue(
        "missiemuseum",
        "Missiemuseum Steyl",
        address=("Sint Michaëlstraat 7", "5935BL", "Steyl"),
        district="steyl",
        location=("51.331700", "6.121400"),
        access=("toilet",),
        notes="Het museum is oud: er zijn trappen, maar de begane grond is goed te doen.",
    ),
    DemoVenue(
        "zaal-steyl",
        "Parochiezaal Steyl",
        address=("Waalsweg 8", "5935BH", "Steyl"),
        district="steyl",
        location=("51.333900", "6.124800"),
        access=("wheelchair", "toilet"),
    ),
    # Velden
    DemoVenue(
        "gemeenschapshuis-velden",
        "Gemeenschapshuis Velden",
        address=("Schoolstraat 4", "5941AA", "Velden"),
        district="velden",
        location=("51.411700", "6.171300"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "pianostudio-velden",
        "Pianostudio Velden",
        address=("Kerkstraat 21", "5941BC", "Velden"),
        district="velden",
        location=("51.413900", "6.168100"),
        access=("wheelchair",),
    ),
    # Lomm
    DemoVenue(
        "gemeenschapshuis-lomm",
        "Gemeenschapshuis Lomm",
        address=("Hoogstraat 20", "5943AN", "Lomm"),
        district="lomm",
        location=("51.458200", "6.165400"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "weefatelier-lomm",
        "Weefatelier Lomm",
        address=("Maasweg 3", "5943AV", "Lomm"),
        district="lomm",
        location=("51.456300", "6.170900"),
        access=(),
        notes="Kleine ruimte met een drempel. Bel even als je hulp nodig hebt bij de deur.",
    ),
    # Arcen
    DemoVenue(
        "gemeenschapshuis-arcen",
        "Gemeenschapshuis Arcen",
        address=("Raadhuisstraat 5", "5944AE", "Arcen"),
        district="arcen",
        location=("51.476300", "6.180700"),
        access=("wheelchair", "toilet", "loop"),
    ),
    DemoVenue(
        "pottenbakkerij-arcen",
        "Pottenbakkerij Arcen",
        address=("Wal 3", "5944AV", "Arcen"),
        district="arcen",
        location=("51.477900", "6.183400"),
        access=(),
    ),
    # Belfeld
    DemoVenue(
        "gemeenschapshuis-belfeld",
        "Gemeenschapshuis Belfeld",
        address=("Rijksweg 60", "5951AH", "Belfeld"),
        district="belfeld",
        location=("51.311900", "6.113700"),
        access=("wheelchair", "toilet"),
    ),
    DemoVenue(
        "atelier-geurts",
        "Keramiekatelier Geurts",
        address=("Dorpstraat 18", "5951BE", "Belfeld"),
        district="belfeld",
        location=("51.308800", "6.109400"),
        access=("wheelchair",),
        notes="Alles gelijkvloers, maar de toiletten zijn klein.",
    ),
)

COMMUNITY_VENUES = tuple(
    venue.key for venue in VENUES if venue.key.startswith(("hvdw-", "gemeenschapshuis-"))
)

PROVIDERS = (
    # Amateur associations
    DemoProvider(
        slug="harmonie-st-caecilia",
        name="Harmonie St. Caecilia",
        kind=Kind.ASSOCIATION,
        district="blerick",
        disciplines=("muziek",),
        venues=("harmoniezaal-blerick",),
        contact="Wim Janssen",
        text=(
            "Harmonie St. Caecilia speelt al meer dan honderd jaar in Blerick. Met zestig "
            "muzikanten van 9 tot 85 jaar spelen we bij concerten, processies en carnaval."
        ),
        follow_up=(
            "Lid worden kost € 12,50 per maand. Je krijgt les van een vakdocent en je leent "
            "het eerste jaar gratis een instrument."
        ),
        bring="Niets. Wij zorgen voor instrumenten en bladmuziek.",
        activities=(
            DemoActivity(
                "Open repetitie Harmonie St. Caecilia",
                "Kom luisteren naar een echte repetitie en ga tussen de muzikanten zitten. "
                "Na de pauze mag je zelf een instrument proberen.",
                EVERYONE,
                walk_in=True,
            ),
            DemoActivity(
                "Proefles blaasinstrument voor kinderen",
                "Probeer trompet, klarinet, saxofoon of hoorn. Een docent laat zien hoe je "
                "een toon maakt. Aan het eind speel je samen een kort liedje.",
                CHILDREN,
                (8, 12),
            ),
            DemoActivity(
                "Meespelen in het leerlingenorkest",
                "Speel je al een beetje? Schuif aan bij ons leerlingenorkest en speel een uur "
                "mee. Je krijgt de muziek vooraf per e-mail.",
                ("jongeren", "volwassenen"),
                (10, None),
                bring="Je eigen instrument, als je er een hebt.",
            ),
            DemoActivity(
                "Marsmuziek voor beginners",
                "Leer lopen en spelen tegelijk, zoals bij een optocht.",
                ("jongeren", "volwassenen"),
                (12, None),
                state=ActivityState.DRAFT,
            ),
        ),
    ),
    DemoProvider(
        slug="fanfare-eendracht-tegelen",
        name="Fanfare Eendracht Tegelen",
        kind=Kind.ASSOCIATION,
        district="tegelen",
        disciplines=("muziek",),
        venues=("zaal-eendracht",),
        contact="Marij Hermans",
        text=(
            "Fanfare Eendracht is een gezellige fanfare uit Tegelen. We spelen van marsen tot "
            "popmuziek en hebben een eigen slagwerkgroep."
        ),
        follow_up=(
            "Lid worden kost € 10 per maand. De lessen van jeugdleden betaalt de fanfare voor "
            "de helft."
        ),
        activities=(
            DemoActivity(
                "Slagwerk proberen bij de fanfare",
                "Trommels, bekkens en een groot drumstel: bij ons mag je alles proberen. Je "
                "leert een eenvoudig ritme en speelt dat samen met de groep.",
                ("kinderen", "jongeren"),
                (9, 16),
            ),
            DemoActivity(
                "Open repetitie Fanfare Eendracht",
                "Luister mee met de repetitie voor ons voorjaarsconcert. Je kunt vragen "
                "stellen aan de muzikanten en aan de dirigent.",
                EVERYONE,
                walk_in=True,
            ),
            DemoActivity(
                "Weer muziek maken na jaren",
                "Heb je vroeger een blaasinstrument gespeeld? In deze proefles pak je het weer "
                "op, met hulp van andere muzikanten. Het tempo is rustig.",
                ADULTS,
                (40, None),
                bring="Je eigen instrument, als je het nog hebt.",
            ),
        ),
    ),
    DemoProvider(
        slug="gemengd-koor-con-amore",
        name="Gemengd Koor Con Amore",
        kind=Kind.ASSOCIATION,
        district="venlo-centrum",
        disciplines=("zang",),
        venues=("martinuskerk", "bibliotheek-venlo"),
        contact="Lieke Gommans",
        text=(
            "Con Amore is een gemengd koor met veertig zangers. We zingen klassiek, pop en "
            "Limburgse liedjes. Noten lezen hoeft niet."
        ),
        follow_up=(
            "Lid worden kost € 15 per maand. Je repeteert elke dinsdagavond en zingt twee keer "
            "per jaar een groot concert."
        ),
        bring="Een flesje water.",
        activities=(
            DemoActivity(
                "Zing een avond mee met Con Amore",
                "Je zingt een hele repetitie mee in de stemgroep die bij jou past. We beginnen "
                "met een rustige warming-up. Je hoeft geen noten te kunnen lezen.",
                ADULTS,
                (16, None),
            ),
            DemoActivity(
                "Workshop adem en stem",
                "Hoe zing je zonder moe te worden? Een zangdocent leert je hoe je goed ademt en "
                "je stem gebruikt. Handig bij het zingen, maar ook bij het praten.",
                ADULTS,
                (16, None),
                venue="bibliotheek-venlo",
            ),
            DemoActivity(
                "Samen zingen in de Sint-Martinuskerk",
                "Zing bekende liedjes in de mooie klank van de kerk. Iedereen mag meedoen, ook "
                "als je nog nooit in een koor hebt gezongen.",
                EVERYONE,
                venue="martinuskerk",
                walk_in=True,
            ),
        ),
    ),
    DemoProvider(
        slug="kinderkoor-de-zingende-maas",
        name="Kinderkoor De Zingende Maas",
        kind=Kind.ASSOCIATION,
        district="venlo-zuid",
        disciplines=("zang", "muziek"),
        venues=("hvdw-venlo-zuid",),
        contact="Sandra Peters",
        text=(
            "Bij De Zingende Maas zingen kinderen van 6 tot 13 jaar. We zingen vrolijke "
            "liedjes, maken muziek met ons lichaam en treden op in de stad."
        ),
        follow_up="Meedoen kost € 6 per maand. We repeteren elke woensdagmiddag.",
        bring="Een flesje water.",
        activities=(
            DemoActivity(
                "Zingen met het kinderkoor",
                "Zing een middag mee met ons koor. Je leert een nieuw lied en we doen "
                "spelletjes met ritme. Ouders mogen het laatste kwartier komen kijken.",
                CHILDREN,
                (6, 12),
            ),
            DemoActivity(
                "Liedjes zingen met papa, mama, opa of oma",
                "Zing samen met je kind bekende kinderliedjes en leer er een paar nieuwe. Met "
                "gebaren en kleine muziekinstrumenten.",
                ("gezinnen", "kinderen"),
                (4, 8),
                bring="",
            ),
        ),
    ),
    DemoProvider(
        slug="mannenkoor-steyl",
        name="Mannenkoor Steyl",
        kind=Kind.ASSOCIATION,
        district="steyl",
        disciplines=("zang",),
        venues=("zaal-steyl",),
        contact="Harrie Seelen",
        text=(
            "Mannenkoor Steyl bestaat sinds 1926. Dertig mannen zingen samen liederen uit "
            "Limburg, Rusland en Zuid-Afrika."
        ),
        follow_up=(
            "Lid worden kost € 9 per maand. Na de repetitie drinken we samen nog iets in de zaal."
        ),
        activities=(
            DemoActivity(
                "Open repetitie Mannenkoor Steyl",
                "Zing mee of luister alleen. Je zit tussen de zangers en hoort van dichtbij hoe "
                "een mannenkoor klinkt.",
                ADULTS,
                (16, None),
                walk_in=True,
            ),
            DemoActivity(
                "Zingen voor mannen die nooit zingen",
                "Denk je dat je niet kunt zingen? Kom het proberen. We zingen eenvoudige "
                "liederen en leren je alles stap voor stap.",
                ADULTS,
                (18, None),
            ),
        ),
    ),
    DemoProvider(
        slug="toneelvereniging-het-maasvolk",
        name="Toneelvereniging Het Maasvolk",
        kind=Kind.ASSOCIATION,
        district="venlo-oost",
        disciplines=("theater",),
        venues=("hvdw-venlo-oost",),
        contact="Ellen Moonen",
        text=(
            "Het Maasvolk speelt twee keer per jaar een voorstelling, van komedie tot drama. "
            "Spelers, decorbouwers en souffleurs zijn allemaal vrijwilligers."
        ),
        follow_up=(
            "Lid worden kost € 50 per jaar. Je speelt mee in een voorstelling, of je helpt "
            "achter de schermen."
        ),
        bring="Makkelijke kleding.",
        activities=(
            DemoActivity(
                "Improvisatietheater voor beginners",
                "Zonder tekst en zonder voorbereiding: je speelt korte scènes met wat er in je "
                "opkomt. Lachen gegarandeerd. Ervaring is niet nodig.",
                ("volwassenen", "jongeren"),
                (16, None),
            ),
            DemoActivity(
                "Kijkje achter de schermen bij Het Maasvolk",
                "Zie hoe we decors bouwen, kostuums maken en een voorstelling voorbereiden. Je "
                "mag ook even op het podium staan.",
                EVERYONE,
                bring="",
                walk_in=True,
            ),
            DemoActivity(
                "Toneelspelen in het Venloos",
                "Speel een korte scène in het Venloos dialect. Spreek je geen Venloos? Dan leer "
                "je vanzelf een paar woorden.",
                ADULTS,
                (18, None),
            ),
        ),
    ),
    DemoProvider(
        slug="musicalgroep-spotlight",
        name="Musicalgroep Spotlight",
        kind=Kind.ASSOCIATION,
        district="venlo-noord",
        disciplines=("musical", "zang", "dans"),
        venues=("hvdw-venlo-noord",),
        contact="Kim van der Linden",
        text=(
            "Spotlight maakt elk jaar een musical met jongeren en volwassenen uit Venlo. We "
            "zingen, dansen en spelen samen toneel."
        ),
        follow_up=(
            "Meedoen kost € 17,50 per maand. Je repeteert elke week en speelt in juni in "
            "De Maaspoort."
        ),
        bring="Sportschoenen en een flesje water.",
        activities=(
            DemoActivity(
                "Musicalworkshop voor jongeren",
                "Leer een stukje uit een bekende musical: een lied, een dans en een korte "
                "scène. Aan het eind laat je het samen zien aan de ouders.",
                YOUTH,
                (12, 18),
            ),
            DemoActivity(
                "Musical voor kids: zingen, dansen en spelen",
                "Een middag vol liedjes en dansjes uit bekende musicals. Je hoeft niets te "
                "kunnen, alleen zin te hebben.",
                CHILDREN,
                (8, 12),
            ),
            DemoActivity(
                "Auditietraining",
                "Wil je meedoen aan een musical, maar vind je een auditie spannend? Je oefent "
                "een lied en krijgt tips van een regisseur.",
                ("jongeren", "volwassenen"),
                (15, None),
                disciplines=("musical", "zang"),
                bring="Een lied dat je graag zingt, op je telefoon.",
            ),
        ),
    ),
    DemoProvider(
        slug="folkloristische-dansgroep-arcen",
        name="Folkloristische Dansgroep Arcen",
        kind=Kind.ASSOCIATION,
        district="arcen",
        disciplines=("dans", "erfgoed"),
        venues=("gemeenschapshuis-arcen",),
        contact="Truus Verhoeven",
        text=(
            "Wij dansen oude dansen uit Limburg en uit andere landen. In klederdracht treden we "
            "op bij feesten in de regio."
        ),
        follow_up=(
            "Lid worden kost € 7,50 per maand. Klederdracht krijg je te leen van de vereniging."
        ),
        bring="Schoenen met een gladde zool.",
        activities=(
            DemoActivity(
                "Proefles volksdansen",
                "Dansen in een kring of in rijen, met eenvoudige passen. Je danst meteen mee, "
                "want alles wordt rustig voorgedaan.",
                EVERYONE,
                (10, None),
            ),
            DemoActivity(
                "Dansen uit de hele wereld",
                "Dansen uit Griekenland, Turkije, Servië en Limburg. Kom je uit een ander land? "
                "Laat ons dan ook jouw dans zien.",
                ("nieuwkomers", "volwassenen"),
                (12, None),
                no_dutch_needed=True,
            ),
            DemoActivity(
                "Klederdracht passen en dansen",
                "Trek een echte klederdracht aan en leer een kinderdans uit Arcen. Je mag op de "
                "foto in je kostuum.",
                ("kinderen", "gezinnen"),
                (6, 12),
                disciplines=("dans", "erfgoed"),
            ),
        ),
    ),
    DemoProvider(
        slug="heemkundevereniging-belfeld",
        name="Heemkundevereniging Belfeld",
        kind=Kind.ASSOCIATION,
        district="belfeld",
        disciplines=("erfgoed", "literatuur"),
        venues=("gemeenschapshuis-belfeld",),
        contact="Jan Houben",
        text=(
            "We verzamelen verhalen, foto's en voorwerpen over Belfeld. We hebben een archief "
            "en maken wandelingen en tentoonstellingen."
        ),
        follow_up=(
            "Lid worden kost € 17 per jaar. Je krijgt vier keer per jaar ons tijdschrift en je "
            "mag helpen in het archief."
        ),
        activities=(
            DemoActivity(
                "Wandeling langs oude boerderijen",
                "Een gids vertelt over het leven op de boerderij van vroeger. De wandeling is "
                "4 kilometer lang en duurt anderhalf uur.",
                EVERYONE,
                bring="Stevige schoenen en warme kleding.",
            ),
            DemoActivity(
                "Oude foto's van Belfeld bekijken",
                "Herken jij mensen of plekken op oude foto's? Bij een kop koffie kijken we samen "
                "naar foto's uit ons archief en delen we herinneringen.",
                SENIORS,
                (65, None),
            ),
            DemoActivity(
                "Zoek je eigen stamboom uit",
                "Waar kwamen je opa en oma vandaan? Een vrijwilliger helpt je op weg met oude "
                "registers en websites.",
                ADULTS,
                (16, None),
                bring="Namen en geboortedata van je ouders en grootouders, als je die hebt.",
            ),
        ),
    ),
    DemoProvider(
        slug="fotoclub-venlo-blerick",
        name="Fotoclub Venlo-Blerick",
        kind=Kind.ASSOCIATION,
        district="klingerberg",
        disciplines=("fotografie",),
        venues=("hvdw-klingerberg",),
        contact="Peter Coenen",
        text=(
            "Onze fotoclub heeft 35 leden. We fotograferen samen, bespreken elkaars foto's en "
            "houden elk jaar een expositie."
        ),
        follow_up="Lid worden kost € 35 per jaar. Elke twee weken is er een clubavond.",
        bring="Je camera of je telefoon.",
        activities=(
            DemoActivity(
                "Fotowandeling door de Klingerberg",
                "Bekijk je eigen wijk door de lens. We lopen een uur door de buurt en letten op "
                "licht, lijnen en mensen. Daarna bekijken we de foto's samen.",
                ("volwassenen", "jongeren"),
                (12, None),
            ),
            DemoActivity(
                "Beter fotograferen met je telefoon",
                "Je telefoon kan veel meer dan je denkt. Je leert scherpe foto's maken, mooi "
                "licht vinden en een foto bewerken.",
                ADULTS,
                (12, None),
            ),
            DemoActivity(
                "Portretten maken in de studio",
                "Werk met echte studiolampen en maak portretten van elkaar. Je neemt een mooie "
                "foto van jezelf mee naar huis.",
                ("volwassenen", "jongeren"),
                (14, None),
            ),
        ),
    ),
    DemoProvider(
        slug="schildersclub-de-ezel",
        name="Schildersclub De Ezel",
        kind=Kind.ASSOCIATION,
        district="velden",
        disciplines=("beeldende-kunst",),
        venues=("gemeenschapshuis-velden",),
        contact="Riet Litjens",
        text=(
            "Bij De Ezel schilderen we elke week samen. Beginners en gevorderden leren van "
            "elkaar. Eén keer per maand geeft een kunstenaar les."
        ),
        follow_up=(
            "Lid worden kost € 8 per maand. Verf en papier koop je zelf; de eerste keer is "
            "alles gratis."
        ),
        bring="Oude kleding of een schort.",
        activities=(
            DemoActivity(
                "Schilderen met acryl voor beginners",
                "Je schildert een eenvoudig landschap met acrylverf. Stap voor stap, zodat je aan "
                "het eind echt iets moois hebt.",
                ADULTS,
                (16, None),
            ),
            DemoActivity(
                "Aquarelleren in de winter",
                "Sneeuw, mist en kale bomen: de winter is mooi om te schilderen met waterverf. "
                "Je leert hoe je kleuren in elkaar laat lopen.",
                ADULTS,
                (16, None),
            ),
            DemoActivity(
                "Schilderen met opa of oma",
                "Kom met je kleinkind en maak samen een schilderij. Kinderen en volwassenen "
                "leren van elkaar.",
                ("gezinnen", "kinderen", "senioren"),
                (6, None),
            ),
        ),
    ),
    DemoProvider(
        slug="brassband-maasdal",
        name="Brassband Maasdal",
        kind=Kind.ASSOCIATION,
        district="lomm",
        disciplines=("muziek",),
        venues=("gemeenschapshuis-lomm",),
        contact="Gerrit Vollenberg",
        text=(
            "Brassband Maasdal komt uit Lomm en speelt in de hoogste divisie. Toch is iedereen "
            "welkom, ook als je net begint."
        ),
        follow_up="Lid worden kost € 11 per maand. Je krijgt les en een instrument te leen.",
        activities=(
            DemoActivity(
                "Open repetitie Brassband Maasdal",
                "Hoor hoe krachtig een brassband klinkt. Je zit midden in de band en mag na "
                "afloop vragen stellen.",
                EVERYONE,
                walk_in=True,
            ),
            DemoActivity(
                "Probeer een kornet of bugel",
                "Een muzikant van de band helpt je om je eerste tonen te blazen. Lukt het? Dan "
                "speel je meteen een kort melodietje.",
                ("kinderen", "jongeren"),
                (8, 16),
                bring="Niets, wij zorgen voor de instrumenten.",
            ),
            DemoActivity(
                "Brass voor volwassen beginners",
                "Altijd al willen spelen? In deze proefles probeer je verschillende "
                "koperinstrumenten en hoor je hoe je kunt beginnen.",
                ("volwassenen",),
                (18, None),
            ),
        ),
    ),
    DemoProvider(
        slug="drumband-kamp-ritme",
        name="Drumband Kamp Ritme",
        kind=Kind.ASSOCIATION,
        district="vastenavondkamp",
        disciplines=("muziek",),
        venues=("hvdw-vastenavondkamp",),
        contact="Ricardo Pinas",
        text=(
            "Drumband Kamp Ritme is de drumband van Vastenavondkamp. Jong en oud trommelen "
            "samen, op straat en op het podium."
        ),
        follow_up="Meedoen kost € 5 per maand. Een trommel krijg je te leen.",
        bring="Niets, wij zorgen voor trommels en stokken.",
        activities=(
            DemoActivity(
                "Trommelen voor beginners",
                "Leer een paar ritmes op de kleine trom en de grote trom. Samen maak je veel "
                "lawaai, en dat mag!",
                ("kinderen", "jongeren", "volwassenen"),
                (8, None),
            ),
            DemoActivity(
                "Drumband in de wijk: open repetitie",
                "We repeteren met open deuren. Loop binnen, luister en pak een paar stokken als "
                "je wilt meedoen.",
                ("gezinnen", "volwassenen"),
                walk_in=True,
            ),
            DemoActivity(
                "Ritme zonder woorden",
                "Ritme is een taal die iedereen spreekt. Je leert trommelen door te kijken en "
                "na te doen. Nederlands spreken is niet nodig.",
                ("nieuwkomers", "kinderen", "volwassenen"),
                (8, None),
                no_dutch_needed=True,
            ),
        ),
    ),
    DemoProvider(
        slug="filmclub-boekend",
        name="Filmclub Boekend",
        kind=Kind.ASSOCIATION,
        district="boekend",
        disciplines=("film-en-media",),
        venues=("gemeenschapshuis-boekend",),
        contact="Lotte Gubbels",
        text=(
            "Filmclub Boekend kijkt en maakt films. Eén keer per maand draaien we een film met "
            "een nagesprek, en we maken samen korte films."
        ),
        follow_up="Lid worden kost € 25 per jaar. Je kijkt dan gratis naar alle filmavonden.",
        activities=(
            DemoActivity(
                "Korte film maken met je telefoon",
                "In twee uur maak je met een groepje een film van één minuut: verhaal bedenken, "
                "filmen en monteren.",
                YOUTH,
                (12, 18),
                bring="Je telefoon, opgeladen.",
            ),
            DemoActivity(
                "Filmavond met nagesprek",
                "We kijken een korte Nederlandse film en praten daarna in kleine groepjes. Wat "
                "vond jij ervan?",
                ADULTS,
                (16, None),
                walk_in=True,
            ),
        ),
    ),
    DemoProvider(
        slug="verhalenvertellers-hout-blerick",
        name="Verhalenvertellers Hout-Blerick",
        kind=Kind.ASSOCIATION,
        district="hout-blerick",
        disciplines=("literatuur",),
        venues=("gemeenschapshuis-hout-blerick",),
        contact="Maria Lenssen",
        text=(
            "Wij vertellen verhalen op scholen, in verzorgingshuizen en op feesten: sagen uit "
            "Limburg, sprookjes en verhalen uit ons eigen leven."
        ),
        follow_up=(
            "Lid worden is gratis. We oefenen één keer per maand samen en vertellen op plekken "
            "in de hele gemeente."
        ),
        activities=(
            DemoActivity(
                "Verhalen vertellen voor beginners",
                "Iedereen heeft verhalen. Je leert hoe je een verhaal spannend vertelt, zonder "
                "papiertje. Aan het eind vertel je zelf een kort verhaal.",
                ADULTS,
                (16, None),
            ),
            DemoActivity(
                "Voorleesmiddag voor opa's, oma's en kleinkinderen",
                "Luister samen naar spannende en grappige verhalen. Daarna bedenk je samen met "
                "je opa of oma een eigen verhaal.",
                ("gezinnen", "kinderen", "senioren"),
                (4, None),
            ),
            DemoActivity(
                "Sagen en spoken van de Maas",
                "Over witte wieven, weerwolven en de smokkelaars van de Maas. Spannend, maar "
                "niet te eng!",
                ("kinderen", "gezinnen"),
                (8, 12),
            ),
        ),
    ),
    DemoProvider(
        slug="accordeonclub-venlo",
        name="Accordeonclub Venlo",
        kind=Kind.ASSOCIATION,
        district="venlo-zuid",
        disciplines=("muziek",),
        venues=("hvdw-venlo-zuid",),
        contact="Frans Wijnen",
        text=(
            "Onze club speelt op accordeons van klein tot groot. We spelen volksmuziek, tango "
            "en popliedjes, in een orkest en in kleine groepjes."
        ),
        follow_up="Lid worden kost € 8 per maand. Les kost € 20 per half uur.",
        activities=(
            DemoActivity(
                "Accordeon proberen",
                "Een accordeon heeft knoppen, toetsen én een balg. Hoe werkt dat samen? Je "
                "probeert het zelf, met hulp van een docent.",
                ("volwassenen", "senioren", "jongeren"),
                (10, None),
                bring="Niets, wij hebben accordeons te leen.",
            ),
            DemoActivity(
                "Tango op het accordeon",
                "Ons orkest speelt Argentijnse tango. Luister, dans een paar passen of speel mee "
                "op een van onze accordeons.",
                ADULTS,
                walk_in=True,
            ),
        ),
    ),
    # Cultural institutions
    DemoProvider(
        slug="limburgs-museum",
        name="Limburgs Museum",
        kind=Kind.INSTITUTION,
        district="venlo-centrum",
        disciplines=("erfgoed",),
        venues=("limburgs-museum",),
        contact="Anouk Smeets",
        text=(
            "Het Limburgs Museum vertelt de geschiedenis van Limburg, van de prehistorie tot "
            "nu. Je loopt door een Romeinse villa, een middeleeuwse stad en een schuilkelder "
            "uit de oorlog."
        ),
        follow_up=(
            "Een Museumkaart kost € 75 per jaar. Met een Venlopas krijg je korting op de "
            "jaarkaart van het museum."
        ),
        activities=(
            DemoActivity(
                "Rondleiding Limburgs Museum",
                "Een gids neemt je mee door 10.000 jaar Limburg. Je hoort verhalen over jagers, "
                "monniken, smokkelaars en mijnwerkers.",
                EVERYONE,
                (8, None),
            ),
            DemoActivity(
                "Speurtocht door het museum",
                "Met een speurkaart zoek je naar geheime tekens in het museum. Wie alles vindt, "
                "krijgt een kleine prijs.",
                ("gezinnen", "kinderen"),
                (6, 12),
            ),
            DemoActivity(
                "Rondleiding in eenvoudig Nederlands",
                "Nieuw in Nederland? In deze rondleiding praten we langzaam en met eenvoudige "
                "woorden. Je leert over Limburg en oefent tegelijk je Nederlands.",
                ("nieuwkomers", "volwassenen"),
                (16, None),
            ),
            DemoActivity(
                "Museumgesprek voor senioren",
                "Bij een kop koffie bekijken we drie voorwerpen uit de collectie. Welke "
                "herinneringen komen bij jou boven?",
                ("senioren", "met-een-beperking"),
                (65, None),
            ),
        ),
    ),
    DemoProvider(
        slug="museum-van-bommel-van-dam",
        name="Museum van Bommel van Dam",
        kind=Kind.INSTITUTION,
        district="venlo-centrum",
        disciplines=("beeldende-kunst",),
        venues=("van-bommel-van-dam",),
        contact="Sophie Bloemen",
        text=(
            "Museum van Bommel van Dam laat moderne en hedendaagse kunst zien. Je kijkt naar "
            "kunst van nu en maakt in het atelier ook zelf iets."
        ),
        follow_up=(
            "Een jaarkaart kost € 30. Kinderen kunnen elke maand naar de Kunstclub, voor € 5 "
            "per keer."
        ),
        bring="Niets, wij zorgen voor potloden en papier.",
        activities=(
            DemoActivity(
                "Kijken en tekenen in het museum",
                "Je kiest een kunstwerk en tekent wat je ziet. Een kunstenaar geeft tips. Je "
                "hoeft niet goed te kunnen tekenen.",
                ("volwassenen",),
                (16, None),
            ),
            DemoActivity(
                "Kunstlab voor kinderen",
                "Kijk naar een kunstwerk en maak daarna in het atelier je eigen versie, met "
                "verf, klei of karton.",
                CHILDREN,
                (6, 12),
                bring="Kleding die vies mag worden.",
            ),
            DemoActivity(
                "Rondleiding door de tentoonstelling",
                "Een rondleider vertelt over de kunstenaars in de tentoonstelling. Je mag altijd "
                "vragen stellen.",
                ADULTS,
                bring="",
                walk_in=True,
            ),
        ),
    ),
    DemoProvider(
        slug="bibliotheek-venlo",
        name="Bibliotheek Venlo",
        kind=Kind.INSTITUTION,
        district="venlo-centrum",
        disciplines=("literatuur", "film-en-media"),
        venues=("bibliotheek-venlo", "bibliotheek-blerick"),
        contact="Ilse Kurvers",
        text=(
            "De bibliotheek is er voor iedereen die wil lezen, leren en meedoen. Je vindt ons "
            "in Venlo en in Blerick."
        ),
        follow_up=(
            "Lid worden is gratis tot 18 jaar. Voor volwassenen kost een abonnement vanaf "
            "€ 3,50 per maand."
        ),
        activities=(
            DemoActivity(
                "Schrijfworkshop: je eigen verhaal",
                "Schrijf een kort verhaal over een moment uit je leven. Een schrijfdocent helpt "
                "je op weg met eenvoudige oefeningen.",
                ADULTS,
                (16, None),
                bring="Pen en papier.",
            ),
            DemoActivity(
                "Voorleesfeest voor kinderen",
                "Luister naar prentenboeken, zing een liedje en maak een knutsel. Ouders zijn "
                "welkom.",
                ("kinderen", "gezinnen"),
                (4, 8),
                venue="bibliotheek-blerick",
                walk_in=True,
            ),
            DemoActivity(
                "Taalcafé: Nederlands oefenen met een verhaal",
                "Oefen Nederlands in een kleine groep. We lezen een kort verhaal en praten "
                "erover. Alle niveaus zijn welkom.",
                ("nieuwkomers", "volwassenen"),
                (16, None),
                no_dutch_needed=True,
            ),
            DemoActivity(
                "Podcast maken in de bibliotheek",
                "Neem met een groepje je eigen podcast op in onze studio. Je leert interviewen, "
                "opnemen en monteren.",
                YOUTH,
                (12, 18),
                disciplines=("film-en-media",),
            ),
        ),
    ),
    DemoProvider(
        slug="theater-de-maaspoort",
        name="Theater De Maaspoort",
        kind=Kind.INSTITUTION,
        district="venlo-centrum",
        disciplines=("theater", "dans"),
        venues=("maaspoort",),
        contact="Bram Willems",
        text=(
            "De Maaspoort is het grootste theater van Noord-Limburg. Je ziet er toneel, dans, "
            "cabaret, musicals en concerten."
        ),
        follow_up=(
            "Met een Maaspoort-pas van € 15 per jaar krijg je korting op voorstellingen en "
            "workshops."
        ),
        activities=(
            DemoActivity(
                "Kijkje achter de schermen van De Maaspoort",
                "Loop over het grote podium, kijk in de kleedkamers en ontdek hoe licht en "
                "geluid werken.",
                EVERYONE,
                (8, None),
            ),
            DemoActivity(
                "Theaterworkshop voor jongeren",
                "Met een theatermaker speel je scènes over je eigen leven. Je werkt in de echte "
                "repetitiezaal.",
                YOUTH,
                (12, 18),
                bring="Makkelijke kleding.",
            ),
            DemoActivity(
                "Dansen op het grote podium voor 65-plussers",
                "Een danser leert je rustige bewegingen op muziek. Je danst op het podium waar "
                "normaal de profs staan. Je kunt ook zittend meedoen.",
                ("senioren", "met-een-beperking"),
                (65, None),
                disciplines=("dans",),
            ),
        ),
    ),
    DemoProvider(
        slug="poppodium-grenswerk",
        name="Poppodium Grenswerk",
        kind=Kind.INSTITUTION,
        district="venlo-centrum",
        disciplines=("muziek", "film-en-media"),
        venues=("grenswerk",),
        contact="Joep Kusters",
        text=(
            "Grenswerk is het poppodium van Venlo. Naast concerten hebben we oefenruimtes en "
            "een studio voor jonge muzikanten."
        ),
        follow_up=(
            "Een oefenruimte huren kost € 12 per uur. Bandcoaching voor jongeren kost € 60 "
            "voor tien weken."
        ),
        activities=(
            DemoActivity(
                "Bandcoaching: speel je eerste nummer",
                "Vorm met andere jongeren een band en speel samen één nummer. Een coach helpt je "
                "op gitaar, bas, drums of zang.",
                YOUTH,
                (12, 18),
            ),
            DemoActivity(
                "DJ-workshop",
                "Leer mixen op echte draaitafels. Aan het eind draai je je eigen korte set.",
                YOUTH,
                (14, 18),
                bring="Je koptelefoon, als je die hebt.",
            ),
            DemoActivity(
                "Open podium: zing of speel een liedje",
                "Zet je naam op de lijst en speel een liedje op ons podium. Publiek en techniek "
                "zijn er al; jij brengt je muziek.",
                ("jongeren", "volwassenen"),
                (14, None),
                walk_in=True,
            ),
            DemoActivity(
                "Karaoke-avond",
                "Zing je favoriete hits op het grote podium.",
                ("jongeren", "volwassenen"),
                (16, None),
                state=ActivityState.REJECTED,
            ),
        ),
    ),
    DemoProvider(
        slug="keramiekcentrum-tiendschuur",
        name="Keramiekcentrum Tiendschuur Tegelen",
        kind=Kind.INSTITUTION,
        district="tegelen",
        disciplines=("ambacht", "erfgoed"),
        venues=("tiendschuur",),
        contact="Nicole Raedts",
        text=(
            "Tegelen is al eeuwen een dorp van klei. In de Tiendschuur zie je keramiek van "
            "vroeger en nu, en werk je zelf met klei."
        ),
        follow_up=("Een cursus pottenbakken van acht lessen kost € 145, met klei en stoken erbij."),
        bring="Kleding die vies mag worden.",
        activities=(
            DemoActivity(
                "Draaien op de pottenbakkersschijf",
                "Je maakt je eerste kom op de draaischijf. Het is lastiger dan het lijkt, en "
                "heel leuk.",
                ("volwassenen", "jongeren"),
                (12, None),
            ),
            DemoActivity(
                "Rondleiding: Tegelen en de klei",
                "Hoor hoe dakpannen en potten uit Tegelen de hele wereld over gingen. Met oude "
                "werktuigen en mooie vondsten.",
                ADULTS,
                disciplines=("erfgoed",),
                bring="",
                walk_in=True,
            ),
            DemoActivity(
                "Kleien voor kinderen",
                "Maak een diertje of een potje van klei. Je werk gaat de oven in en je kunt het "
                "later ophalen.",
                CHILDREN,
                (5, 10),
            ),
        ),
    ),
    DemoProvider(
        slug="missiemuseum-steyl",
        name="Missiemuseum Steyl",
        kind=Kind.INSTITUTION,
        district="steyl",
        disciplines=("erfgoed",),
        venues=("missiemuseum",),
        contact="Theo Peeters",
        text=(
            "Het Missiemuseum is bijna honderd jaar oud. Je ziet opgezette dieren, maskers en "
            "voorwerpen die missionarissen meenamen uit de hele wereld."
        ),
        follow_up=(
            "Een jaarkaart kost € 20. Vrijwilligers zijn altijd welkom als gastheer of gastvrouw."
        ),
        activities=(
            DemoActivity(
                "Rondleiding Missiemuseum Steyl",
                "Een gids vertelt over de reizen van de missionarissen en de bijzondere dingen "
                "die ze meenamen. Het museum ziet er nog uit zoals in 1931.",
                EVERYONE,
            ),
            DemoActivity(
                "Dieren tekenen in het museum",
                "Teken een olifant, een krokodil of een vlinder. In het museum staan ze stil "
                "voor je, dus je hebt alle tijd.",
                ("kinderen", "gezinnen"),
                (6, 12),
                disciplines=("beeldende-kunst", "erfgoed"),
                bring="Niets, wij zorgen voor tekenspullen.",
            ),
        ),
    ),
    # Music and arts schools
    DemoProvider(
        slug="muziekschool-de-notenbalk",
        name="Muziekschool De Notenbalk",
        kind=Kind.MUSIC_SCHOOL,
        district="venlo-zuid",
        disciplines=("muziek",),
        venues=("notenbalk",),
        contact="Ingrid Franssen",
        text=(
            "De Notenbalk geeft les op bijna alle instrumenten, aan kinderen en volwassenen. "
            "Onze docenten zijn allemaal beroepsmusici."
        ),
        follow_up=(
            "Een lesjaar van 32 lessen van 30 minuten kost € 640. Via het Jeugdfonds Sport & "
            "Cultuur kan het voor kinderen gratis zijn."
        ),
        bring="Niets, er zijn genoeg instrumenten.",
        activities=(
            DemoActivity(
                "Proefles djembé voor kinderen",
                "Trommelen op een Afrikaanse djembé! Je leert een paar ritmes en speelt samen in "
                "een kring.",
                CHILDREN,
                (6, 12),
            ),
            DemoActivity(
                "Proefles gitaar",
                "Leer je eerste akkoorden en speel een eenvoudig liedje. Er zijn genoeg gitaren.",
                ("jongeren", "volwassenen"),
                (10, None),
            ),
            DemoActivity(
                "Proefles piano voor volwassenen",
                "Je bent nooit te oud om te beginnen. Je leert waar de noten op de piano zitten "
                "en speelt met twee handen een kort stukje.",
                ADULTS,
                (18, None),
            ),
            DemoActivity(
                "Muziek op schoot",
                "Zingen, bewegen en spelen met kleine muziekinstrumenten, samen met je peuter. "
                "Goed voor taal en ritme.",
                ("gezinnen", "kinderen"),
                (1, 4),
                follow_up="Een cursus van tien lessen kost € 95 voor ouder en kind samen.",
            ),
        ),
    ),
    DemoProvider(
        slug="kunstencentrum-blerick",
        name="Kunstencentrum Blerick",
        kind=Kind.MUSIC_SCHOOL,
        district="blerick",
        disciplines=("muziek", "dans", "beeldende-kunst"),
        venues=("kunstencentrum-blerick",),
        contact="Marloes Jacobs",
        text=(
            "Bij het Kunstencentrum kun je terecht voor muziek, dans en beeldende kunst. Er "
            "zijn lessen overdag en 's avonds."
        ),
        follow_up=(
            "Een cursus van tien lessen kost tussen € 90 en € 150. Met een Venlopas krijg je "
            "50 % korting."
        ),
        activities=(
            DemoActivity(
                "Proefles hiphop",
                "Leer een korte hiphopdans op populaire muziek. Je hoeft nog nooit gedanst te "
                "hebben.",
                YOUTH,
                (11, 17),
                disciplines=("dans",),
                bring="Sportschoenen en een flesje water.",
            ),
            DemoActivity(
                "Proefles ballet voor kinderen",
                "Springen, draaien en zweven als een vlinder. Een eerste kennismaking met ballet "
                "voor kleuters.",
                CHILDREN,
                (4, 7),
                disciplines=("dans",),
                bring="Makkelijke kleding en sokken.",
            ),
            DemoActivity(
                "Tekenen voor jongeren: manga en strips",
                "Leer hoe je gezichten, gevoelens en actie tekent in mangastijl. Je gaat naar "
                "huis met je eigen stripje.",
                YOUTH,
                (11, 16),
                disciplines=("beeldende-kunst",),
            ),
            DemoActivity(
                "Zangles proberen",
                "Een zangdocent laat je horen wat je stem kan. Je zingt een lied naar keuze of "
                "een lied dat we samen kiezen.",
                ("volwassenen", "jongeren"),
                (14, None),
                disciplines=("zang",),
            ),
        ),
    ),
    DemoProvider(
        slug="gitaarschool-tegelen",
        name="Gitaarschool Tegelen",
        kind=Kind.MUSIC_SCHOOL,
        district="tegelen",
        disciplines=("muziek",),
        venues=("gitaarschool-tegelen",),
        contact="Rob Gielen",
        text=(
            "Gitaarschool Tegelen geeft les op akoestische gitaar, elektrische gitaar, "
            "basgitaar en ukelele. Je leert de liedjes die jij wilt spelen."
        ),
        follow_up="Les kost € 26 per half uur. Een gitaar huren kost € 10 per maand.",
        activities=(
            DemoActivity(
                "Ukelele in een uur",
                "Een ukelele is klein en makkelijk. Na een uur speel je al een bekend liedje met "
                "vier akkoorden.",
                ("kinderen", "volwassenen", "gezinnen"),
                (8, None),
            ),
            DemoActivity(
                "Elektrische gitaar proberen",
                "Zet de versterker aan en speel een bekende rockriff. Je leert ook hoe je "
                "effecten gebruikt.",
                YOUTH,
                (12, 18),
            ),
        ),
    ),
    DemoProvider(
        slug="pianostudio-velden",
        name="Pianostudio Velden",
        kind=Kind.MUSIC_SCHOOL,
        district="velden",
        disciplines=("muziek",),
        venues=("pianostudio-velden",),
        contact="Eva Hoeijmakers",
        text=(
            "In een rustige studio geef ik pianoles aan kinderen en volwassenen. Klassiek, pop "
            "of improviseren: jij kiest."
        ),
        follow_up="Pianoles kost € 28 per half uur. Je kunt ook om de week les nemen.",
        activities=(
            DemoActivity(
                "Kennismaken met de piano",
                "Ontdek de piano met spelletjes. Je leert hoge en lage tonen en speelt een "
                "liedje met één vinger.",
                CHILDREN,
                (6, 11),
            ),
            DemoActivity(
                "Improviseren op de piano",
                "Spelen zonder bladmuziek: met een paar eenvoudige regels klinkt het al snel "
                "mooi. Ook leuk als je vroeger les had.",
                ADULTS,
                (16, None),
            ),
        ),
    ),
    DemoProvider(
        slug="dansschool-move",
        name="Dansschool Move",
        kind=Kind.MUSIC_SCHOOL,
        district="venlo-oost",
        disciplines=("dans",),
        venues=("dansschool-move",),
        contact="Chantal Baetsen",
        text=(
            "Dansschool Move geeft les in streetdance, moderne dans, salsa en stijldansen. Voor "
            "kinderen vanaf 4 jaar en voor volwassenen."
        ),
        follow_up=(
            "Een danscursus kost € 32 per maand voor één les per week. Samen met een vriend of "
            "vriendin krijg je 10 % korting."
        ),
        bring="Makkelijke kleding en schoenen waarop je goed kunt draaien.",
        activities=(
            DemoActivity(
                "Salsa voor beginners",
                "Leer de basispassen van salsa. Je kunt alleen of met een partner komen; we "
                "wisselen steeds van partner.",
                ("volwassenen",),
                (18, None),
            ),
            DemoActivity(
                "Streetdance voor kinderen",
                "Stoere moves op toffe muziek. Je leert een kort dansje dat je thuis kunt laten "
                "zien.",
                CHILDREN,
                (7, 12),
            ),
            DemoActivity(
                "Stijldansen voor 65-plussers",
                "Wals, foxtrot en een beetje tango, in een rustig tempo. Je hoeft geen partner "
                "mee te nemen.",
                SENIORS,
                (65, None),
            ),
            DemoActivity(
                "Dansen met een beperking",
                "Iedereen kan dansen, staand of in een rolstoel. We bewegen op muziek en passen "
                "alles aan aan wat jij kunt.",
                ("met-een-beperking", "volwassenen", "jongeren"),
                (12, None),
            ),
            DemoActivity(
                "Zumba op zondag",
                "Een uur dansen en zweten op Latijns-Amerikaanse muziek.",
                ("volwassenen",),
                (16, None),
                state=ActivityState.CHANGES_REQUESTED,
            ),
        ),
    ),
    # Artists
    DemoProvider(
        slug="atelier-lisa-peeters",
        name="Atelier Lisa Peeters",
        kind=Kind.ARTIST,
        district="venlo-noord",
        disciplines=("beeldende-kunst",),
        venues=("atelier-peeters", "hvdw-venlo-noord"),
        contact="Lisa Peeters",
        text=(
            "Lisa Peeters is schilder. Ze maakt grote, kleurrijke schilderijen van mensen uit "
            "Venlo en geeft workshops in haar atelier en in de wijk."
        ),
        follow_up="Een cursus van zes lessen kost € 120, met materiaal erbij.",
        bring="Oude kleding of een schort.",
        activities=(
            DemoActivity(
                "Schilderen in het Huis van de Wijk",
                "Schilder samen met buurtgenoten. Lisa laat zien hoe je met een paar kleuren een "
                "portret maakt. Koffie en thee staan klaar.",
                ("volwassenen", "senioren", "nieuwkomers"),
                (16, None),
                venue="hvdw-venlo-noord",
            ),
            DemoActivity(
                "Portret tekenen",
                "Teken een gezicht met houtskool. Je leert waar ogen, neus en mond zitten en hoe "
                "je schaduw maakt.",
                ("volwassenen", "jongeren"),
                (14, None),
                venue="atelier-peeters",
            ),
            DemoActivity(
                "Kleur en gevoel: schilderen voor jongeren",
                "Welke kleur heeft boosheid? En blijdschap? Je maakt een abstract schilderij "
                "over hoe jij je voelt.",
                YOUTH,
                (12, 18),
            ),
        ),
    ),
    DemoProvider(
        slug="beeldhouwer-ruud-hendrix",
        name="Beeldhouwer Ruud Hendrix",
        kind=Kind.ARTIST,
        district="hout-blerick",
        disciplines=("beeldende-kunst", "ambacht"),
        venues=("atelier-hendrix",),
        contact="Ruud Hendrix",
        text=(
            "Ruud Hendrix hakt beelden uit steen en hout. Zijn werk staat in parken en op "
            "pleinen in heel Limburg."
        ),
        follow_up=(
            "Een cursus steenhouwen van vijf zaterdagen kost € 195. Gereedschap krijg je te leen."
        ),
        bring="Stevige schoenen en kleding die stoffig mag worden.",
        activities=(
            DemoActivity(
                "Steenhouwen proberen",
                "Met hamer en beitel werk je aan een blok speksteen. Die steen is zacht genoeg "
                "om in twee uur een vorm te maken.",
                ("volwassenen",),
                (16, None),
            ),
            DemoActivity(
                "Houtsnijden voor jongeren",
                "Maak met gutsen en een blok hout een eigen figuur of sleutelhanger. Eerst leer "
                "je veilig werken.",
                YOUTH,
                (12, 18),
                disciplines=("ambacht",),
            ),
        ),
    ),
    DemoProvider(
        slug="verhalenverteller-mia-verheijen",
        name="Verhalenverteller Mia Verheijen",
        kind=Kind.ARTIST,
        district="tegelen",
        disciplines=("literatuur", "erfgoed"),
        venues=("zaal-eendracht", "gemeenschapshuis-belfeld", "bibliotheek-blerick"),
        contact="Mia Verheijen",
        text=(
            "Mia vertelt verhalen uit Limburg en uit de rest van de wereld. Ze treedt op bij "
            "festivals, op scholen en in de bibliotheek."
        ),
        follow_up="Mia geeft een vertelcursus van vier avonden voor € 60.",
        activities=(
            DemoActivity(
                "Verhalen uit Limburg",
                "Sagen over kabouters, heksen en smokkelaars, verteld bij kaarslicht. Daarna "
                "vertel jij misschien een verhaal van je eigen familie.",
                EVERYONE,
                (8, None),
                walk_in=True,
            ),
            DemoActivity(
                "Verhalen uit je eigen land",
                "Iedereen neemt een verhaal of sprookje mee uit het land waar hij of zij is "
                "opgegroeid. Vertel het in je eigen taal of in het Nederlands.",
                ("nieuwkomers", "volwassenen"),
                (16, None),
                no_dutch_needed=True,
            ),
        ),
    ),
    DemoProvider(
        slug="fotograaf-karim-el-amrani",
        name="Fotograaf Karim El Amrani",
        kind=Kind.ARTIST,
        district="op-de-heide",
        disciplines=("fotografie", "film-en-media"),
        venues=("hvdw-op-de-heide",),
        contact="Karim El Amrani",
        text=(
            "Karim is fotograaf en woont op Op de Heide. Hij fotografeert mensen in hun eigen "
            "wijk en geeft les aan jongeren."
        ),
        follow_up="Karim start in februari een fotoclub voor jongeren. Meedoen kost € 2 per keer.",
        activities=(
            DemoActivity(
                "Fotografie in je eigen wijk",
                "Loop met Karim door Op de Heide en fotografeer plekken die voor jou belangrijk "
                "zijn. De beste foto's komen in een expositie.",
                YOUTH,
                (12, 18),
                bring="Je telefoon.",
            ),
            DemoActivity(
                "Een fotoboek maken over je familie",
                "Je kiest foto's en schrijft er korte verhalen bij. Karim helpt je om er een "
                "mooi boekje van te maken.",
                ("volwassenen", "nieuwkomers", "senioren"),
                (16, None),
                bring="Vijf tot tien foto's van je familie, op papier of op je telefoon.",
            ),
        ),
    ),
    DemoProvider(
        slug="singer-songwriter-noor-smeets",
        name="Singer-songwriter Noor Smeets",
        kind=Kind.ARTIST,
        district="venlo-centrum",
        disciplines=("muziek", "zang"),
        venues=("grenswerk", "bibliotheek-venlo"),
        contact="Noor Smeets",
        text=(
            "Noor schrijft Nederlandstalige liedjes en speelt gitaar en piano. Ze geeft "
            "workshops over liedjes schrijven."
        ),
        follow_up="Noor geeft een reeks van vijf songwriting-lessen voor € 85.",
        bring="Pen en papier.",
        activities=(
            DemoActivity(
                "Songs schrijven in een middag",
                "Bedenk een refrein, schrijf een couplet en zet er akkoorden onder. Aan het eind "
                "heb je je eerste eigen liedje.",
                YOUTH,
                (13, 18),
            ),
            DemoActivity(
                "Liedjes schrijven voor volwassenen",
                "Heb je een verhaal dat een liedje moet worden? Noor helpt je met de tekst en de "
                "melodie. Je hoeft geen instrument te spelen.",
                ("volwassenen",),
                (18, None),
            ),
        ),
    ),
    DemoProvider(
        slug="textielkunstenaar-anke-willems",
        name="Textielkunstenaar Anke Willems",
        kind=Kind.ARTIST,
        district="lomm",
        disciplines=("ambacht", "beeldende-kunst"),
        venues=("weefatelier-lomm",),
        contact="Anke Willems",
        text=(
            "Anke weeft, borduurt en vilt. In haar atelier in Lomm maakt ze kleden, tassen en "
            "wandkunst van wol en oude kleding."
        ),
        follow_up=(
            "Een weefcursus van vier lessen kost € 90. Een klein weefraam kun je kopen voor € 25."
        ),
        bring="Restjes wol, als je die hebt.",
        activities=(
            DemoActivity(
                "Weven op een klein weefraam",
                "Je weeft een kleine wandhanger met wol in mooie kleuren. Het weefraam neem je "
                "mee naar huis.",
                ("volwassenen", "jongeren", "senioren"),
                (12, None),
            ),
            DemoActivity(
                "Borduren zoals oma, maar dan anders",
                "Oude steken, nieuwe patronen. Je borduurt een eigen tekst of tekening op een "
                "stoffen tas.",
                ADULTS,
                (16, None),
            ),
            DemoActivity(
                "Vilten voor kinderen",
                "Met zeep, warm water en wol maak je een zacht balletje of een bloem van vilt.",
                CHILDREN,
                (6, 12),
                bring="Een handdoek.",
            ),
        ),
    ),
    DemoProvider(
        slug="keramist-jos-geurts",
        name="Keramist Jos Geurts",
        kind=Kind.ARTIST,
        district="belfeld",
        disciplines=("ambacht",),
        venues=("atelier-geurts",),
        contact="Jos Geurts",
        text=(
            "Jos maakt bekers, schalen en vazen in zijn atelier in Belfeld. Hij werkt met klei "
            "uit de buurt."
        ),
        follow_up=("Jos geeft een cursus van zes avonden voor € 150, met klei en stoken erbij."),
        bring="Kleding die vies mag worden.",
        activities=(
            DemoActivity(
                "Kopjes maken van klei",
                "Met je handen knijp je een kopje uit een bal klei. Jos bakt het en geeft het "
                "een glazuur. Na drie weken haal je het op.",
                ("volwassenen",),
                (16, None),
            ),
            DemoActivity(
                "Kleien met het hele gezin",
                "Ouders en kinderen maken samen een schaal of een beeldje. Lekker vies worden mag!",
                ("gezinnen", "kinderen"),
                (5, None),
            ),
        ),
    ),
    DemoProvider(
        slug="kunstenaar-daan-kessels",
        name="Kunstenaar Daan Kessels",
        kind=Kind.ARTIST,
        district="vastenavondkamp",
        disciplines=("beeldende-kunst",),
        venues=("hvdw-vastenavondkamp", "hvdw-klingerberg"),
        contact="Daan Kessels",
        text=(
            "Daan maakt muurschilderingen en graffiti in heel Limburg. Hij werkt graag samen "
            "met buurtbewoners."
        ),
        follow_up=(
            "In het voorjaar maakt Daan een muurschildering met de buurt. Meedoen is gratis."
        ),
        bring="Kleding die vies mag worden.",
        activities=(
            DemoActivity(
                "Graffiti op doek",
                "Werk met spuitbussen en sjablonen, buiten onder een tent. Je maakt je eigen "
                "tag of figuur op een groot doek.",
                YOUTH,
                (12, 18),
                bring="Kleding die vies mag worden. Mondkapjes krijg je van ons.",
            ),
            DemoActivity(
                "Muurschildering ontwerpen met de buurt",
                "Wat moet er op de muur van het Huis van de Wijk komen? Samen tekenen we ideeën. "
                "Het beste ontwerp wordt in april echt geschilderd.",
                ("volwassenen", "gezinnen", "nieuwkomers"),
                (8, None),
                venue="hvdw-vastenavondkamp",
                bring="",
            ),
        ),
    ),
    # Cultural entrepreneurs
    DemoProvider(
        slug="creatief-atelier-de-kleurdoos",
        name="Creatief Atelier De Kleurdoos",
        kind=Kind.ENTREPRENEUR,
        district="tegelen",
        disciplines=("beeldende-kunst", "ambacht"),
        venues=("kleurdoos",),
        contact="Yvonne Cox",
        text=(
            "De Kleurdoos is een creatief atelier voor kinderfeestjes, workshops en cursussen. "
            "Alles draait om kleur en zelf maken."
        ),
        follow_up=(
            "Een kinderclub van acht middagen kost € 72. Workshops voor volwassenen kosten € 35 "
            "per keer."
        ),
        activities=(
            DemoActivity(
                "Knutselclub voor kinderen",
                "Elke keer een ander thema. Deze keer maak je een lampion van papier en lijm.",
                CHILDREN,
                (5, 10),
                disciplines=("ambacht",),
            ),
            DemoActivity(
                "Mozaïek maken",
                "Maak een onderzetter of een spiegel met stukjes tegel en glas. Rustig werken, "
                "met een kop thee erbij.",
                ADULTS,
                (16, None),
            ),
            DemoActivity(
                "Handletteren",
                "Leer mooie letters tekenen met een stift of penseel. Handig voor kaarten, "
                "posters en je agenda.",
                ("jongeren", "volwassenen"),
                (12, None),
            ),
            DemoActivity(
                "Sieraden maken van kralen",
                "Maak een armband of ketting met kralen in jouw kleuren.",
                ("kinderen", "jongeren"),
                (8, 14),
                disciplines=("ambacht",),
                state=ActivityState.SUBMITTED,
            ),
        ),
    ),
    DemoProvider(
        slug="stadsgidsen-venlo",
        name="Stadsgidsen Venlo",
        kind=Kind.ENTREPRENEUR,
        district="venlo-centrum",
        disciplines=("erfgoed",),
        venues=("martinuskerk",),
        contact="Guido Bouten",
        text=(
            "Onze gidsen kennen elk steegje van Venlo. We maken wandelingen voor groepen, "
            "scholen en bedrijven."
        ),
        follow_up=(
            "Een stadswandeling kost normaal € 8,50 per persoon. Wil je zelf gids worden? Dan "
            "leiden we je gratis op."
        ),
        bring="Stevige schoenen en warme kleding.",
        activities=(
            DemoActivity(
                "Stadswandeling: Venlo in de middeleeuwen",
                "Loop langs de oude stadsmuur, de kerk en de huizen van rijke kooplieden. De "
                "gids vertelt over Venlo als handelsstad aan de Maas.",
                ADULTS,
                (12, None),
            ),
            DemoActivity(
                "Wandeling: Venlo voor nieuwkomers",
                "Ontdek de binnenstad met een gids die langzaam en duidelijk praat. Je hoort "
                "waar je terechtkunt voor hulp, sport en cultuur.",
                ("nieuwkomers",),
                (16, None),
                no_dutch_needed=True,
            ),
            DemoActivity(
                "Speurtocht door de binnenstad",
                "Los raadsels op en zoek naar oude gevelstenen. Onderweg hoor je het verhaal van "
                "Sint Martinus.",
                ("gezinnen", "kinderen"),
                (7, 12),
            ),
            DemoActivity(
                "Nachtwandeling met zaklamp",
                "Ontdek de verhalen van Venlo in het donker.",
                ADULTS,
                (12, None),
                state=ActivityState.WITHDRAWN,
            ),
        ),
    ),
    DemoProvider(
        slug="filmstudio-maasland",
        name="Filmstudio Maasland",
        kind=Kind.ENTREPRENEUR,
        district="venlo-oost",
        disciplines=("film-en-media",),
        venues=("filmstudio-maasland",),
        contact="Sven Cuijpers",
        text=(
            "Filmstudio Maasland maakt films voor bedrijven en geeft cursussen aan jongeren "
            "en volwassenen die zelf willen filmen."
        ),
        follow_up=(
            "Een cursus vloggen van vier lessen kost € 80. Jongeren tot 18 jaar betalen € 40."
        ),
        activities=(
            DemoActivity(
                "Vloggen voor beginners",
                "Hoe maak je een vlog die mensen willen zien? Je leert filmen, praten tegen de "
                "camera en monteren op je telefoon.",
                YOUTH,
                (12, 18),
                bring="Je telefoon, opgeladen.",
            ),
            DemoActivity(
                "Animatiefilm maken",
                "Met klei en een tablet maak je een korte stop-motionfilm. Voor elke seconde "
                "film maak je twaalf foto's!",
                CHILDREN,
                (8, 12),
            ),
            DemoActivity(
                "Filmen met een drone",
                "Zie Venlo van boven. Je leert de regels en je vliegt zelf met een drone, met "
                "begeleiding.",
                ("volwassenen",),
                (18, None),
            ),
            DemoActivity(
                "Greenscreen-workshop",
                "Sta op de maan of in de jungle met een greenscreen.",
                YOUTH,
                (12, 18),
                state=ActivityState.DRAFT,
            ),
        ),
    ),
    DemoProvider(
        slug="drumstudio-blerick",
        name="Drumstudio Blerick",
        kind=Kind.ENTREPRENEUR,
        district="blerick",
        disciplines=("muziek",),
        venues=("drumstudio-blerick",),
        contact="Dennis Vossen",
        text=(
            "In onze studio staan zes drumstellen. We geven les aan iedereen vanaf 8 jaar, ook "
            "aan volwassenen die altijd al wilden drummen."
        ),
        follow_up=("Drumles kost € 27 per half uur. De eerste maand kun je een oefenpad lenen."),
        bring="Oordopjes, als je die hebt. Anders krijg je ze van ons.",
        activities=(
            DemoActivity(
                "Drummen op een echt drumstel",
                "Je leert een rockbeat en speelt mee met een bekend nummer. Harder slaan mag!",
                ("jongeren", "kinderen"),
                (8, 18),
            ),
            DemoActivity(
                "Drummen voor volwassenen",
                "Altijd al willen drummen? Het is nooit te laat. In een uur speel je je eerste "
                "beat.",
                ADULTS,
                (18, None),
            ),
            DemoActivity(
                "Win een drumstel",
                "Doe mee aan onze wedstrijd en win een drumstel.",
                YOUTH,
                (12, 18),
                state=ActivityState.REJECTED,
            ),
        ),
    ),
    DemoProvider(
        slug="circusschool-hoog-en-droog",
        name="Circusschool Hoog en Droog",
        kind=Kind.ENTREPRENEUR,
        district="boekend",
        disciplines=("theater",),
        venues=("circushal-boekend",),
        contact="Femke Linders",
        text=(
            "Circusschool Hoog en Droog leert kinderen en volwassenen jongleren, balanceren en "
            "acrobatiek. Veilig, en met veel plezier."
        ),
        follow_up=("Een seizoen circusles kost € 22 per maand. Broers en zussen krijgen korting."),
        bring="Makkelijke kleding en gymschoenen.",
        activities=(
            DemoActivity(
                "Circus voor kinderen: jongleren en balanceren",
                "Loop over een koord, laat een bordje draaien op een stokje en jongleer met "
                "doekjes. Aan het eind geef je een minivoorstelling.",
                CHILDREN,
                (6, 12),
            ),
            DemoActivity(
                "Acrobatiek voor jongeren",
                "Leer samen piramides bouwen en eenvoudige trucs op de mat. Je leert elkaar te "
                "vertrouwen.",
                YOUTH,
                (12, 18),
            ),
            DemoActivity(
                "Circus met ouder en kind",
                "Ouders en kinderen doen samen circusspelletjes en leren een kunstje.",
                ("gezinnen", "kinderen"),
                (4, None),
            ),
        ),
    ),
    DemoProvider(
        slug="pottenbakkerij-arcen",
        name="Pottenbakkerij Arcen",
        kind=Kind.ENTREPRENEUR,
        district="arcen",
        disciplines=("ambacht",),
        venues=("pottenbakkerij-arcen",),
        contact="Henk Thijssen",
        text=(
            "Een kleine pottenbakkerij in het centrum van Arcen. We maken servies en geven "
            "workshops aan groepen en toeristen."
        ),
        follow_up=(
            "Een workshop van een middag kost normaal € 42,50. Er is ook een kleiclub voor "
            "€ 30 per maand."
        ),
        bring="Kleding die vies mag worden.",
        activities=(
            DemoActivity(
                "Pottenbakken in Arcen",
                "Je draait een schaaltje of een beker op de schijf. Daarna kies je de kleur van "
                "het glazuur.",
                ("volwassenen", "jongeren"),
                (12, None),
            ),
            DemoActivity(
                "Tegeltje beschilderen",
                "Beschilder een echt tegeltje met een spreuk of een tekening. Het tegeltje gaat "
                "de oven in en is na twee weken klaar.",
                ("senioren", "gezinnen", "kinderen"),
                (6, None),
            ),
        ),
    ),
    # Community centres
    DemoProvider(
        slug="huis-van-de-wijk-venlo-zuid",
        name="Huis van de Wijk Venlo-Zuid",
        kind=Kind.COMMUNITY_CENTRE,
        district="venlo-zuid",
        disciplines=("zang", "ambacht"),
        venues=("hvdw-venlo-zuid",),
        contact="Fatima Bouzid",
        text=(
            "Het Huis van de Wijk is de huiskamer van Venlo-Zuid. Je kunt er terecht voor "
            "koffie, activiteiten, hulp en een praatje."
        ),
        follow_up="De meeste activiteiten kosten € 2 per keer, met koffie of thee.",
        activities=(
            DemoActivity(
                "Samen zingen in de wijk",
                "Zing bekende Nederlandse en Limburgse liedjes, met live piano. Iedereen mag "
                "meezingen, mooi of vals.",
                ADULTS,
                walk_in=True,
            ),
            DemoActivity(
                "Haken en breien aan tafel",
                "Aan de grote tafel haken en breien we samen. Beginners leren de eerste steken, "
                "anderen helpen mee.",
                ("volwassenen", "senioren", "nieuwkomers"),
                (12, None),
                disciplines=("ambacht",),
                bring="Een haaknaald of breinaalden, als je die hebt.",
                no_dutch_needed=True,
            ),
        ),
    ),
    DemoProvider(
        slug="huis-van-de-wijk-op-de-heide",
        name="Huis van de Wijk Op de Heide",
        kind=Kind.COMMUNITY_CENTRE,
        district="op-de-heide",
        disciplines=("theater", "dans"),
        venues=("hvdw-op-de-heide",),
        contact="Mehmet Yilmaz",
        text=(
            "In het Huis van de Wijk Op de Heide ontmoeten buren elkaar. Er is elke dag iets te "
            "doen, voor jong en oud."
        ),
        follow_up=(
            "Meedoen aan een wekelijkse groep kost € 1 per keer. Met een Venlopas is het gratis."
        ),
        activities=(
            DemoActivity(
                "Theater met de buurt",
                "Speel mee in een voorstelling over het leven op Op de Heide. Jouw verhaal en "
                "jouw taal: alles mag erin.",
                ("volwassenen", "jongeren", "nieuwkomers"),
                (12, None),
            ),
            DemoActivity(
                "Kinderdisco en dansles",
                "Eerst leren we een dansje, daarna is het disco! Met limonade en popcorn.",
                CHILDREN,
                (4, 10),
                disciplines=("dans",),
                walk_in=True,
            ),
            DemoActivity(
                "Dansen uit je eigen land",
                "Buren laten dansen zien uit Syrië, Suriname, Polen en Limburg. Jij doet mee of "
                "laat je eigen dans zien.",
                ("nieuwkomers", "volwassenen", "gezinnen"),
                disciplines=("dans",),
                no_dutch_needed=True,
            ),
        ),
    ),
    DemoProvider(
        slug="huis-van-de-wijk-vastenavondkamp",
        name="Huis van de Wijk Vastenavondkamp",
        kind=Kind.COMMUNITY_CENTRE,
        district="vastenavondkamp",
        disciplines=("ambacht", "muziek"),
        venues=("hvdw-vastenavondkamp",),
        contact="Bianca Hermans",
        text=(
            "Het Huis van de Wijk Vastenavondkamp is er voor alle buurtbewoners. Samen met "
            "vrijwilligers organiseren we wat de buurt zelf bedenkt."
        ),
        follow_up="Alle wekelijkse clubs zijn gratis. Een kleine bijdrage voor materiaal mag.",
        activities=(
            DemoActivity(
                "Kinderknutselmiddag",
                "Knutselen met papier, lijm en glitters. Elke week een nieuw thema. Ouders mogen "
                "blijven voor een kop koffie.",
                CHILDREN,
                (4, 10),
                walk_in=True,
            ),
            DemoActivity(
                "Kleding repareren op de naaimachine",
                "Een gat in je broek of een kapotte rits? Met hulp van vrijwilligers leer je het "
                "zelf te maken op de naaimachine.",
                ("volwassenen", "senioren", "nieuwkomers"),
                (12, None),
                bring="Kleding die je wilt repareren.",
                walk_in=True,
            ),
            DemoActivity(
                "Muziek maken met je buren",
                "Gitaar, keyboard, trommels: we hebben genoeg instrumenten. We spelen samen een "
                "paar eenvoudige liedjes.",
                ("volwassenen", "jongeren", "gezinnen"),
                (10, None),
                disciplines=("muziek",),
            ),
        ),
    ),
    DemoProvider(
        slug="huis-van-de-wijk-klingerberg",
        name="Huis van de Wijk Klingerberg",
        kind=Kind.COMMUNITY_CENTRE,
        district="klingerberg",
        disciplines=("literatuur", "ambacht"),
        venues=("hvdw-klingerberg",),
        contact="Anita Thijssen",
        text=(
            "Op de Klingerberg is het Huis van de Wijk de plek waar buren elkaar ontmoeten. Er "
            "is een buurtbibliotheek, een moestuin en een grote keuken."
        ),
        follow_up="De buurtbibliotheek en de leesclub zijn gratis.",
        activities=(
            DemoActivity(
                "Leesclub in makkelijk Nederlands",
                "We lezen samen een kort boek in makkelijke taal. Elke week een hoofdstuk, en "
                "daarna praten we erover.",
                ("volwassenen", "nieuwkomers", "senioren"),
                (16, None),
            ),
            DemoActivity(
                "Wenskaarten maken",
                "Maak mooie wenskaarten met stempels, stickers en papier. Alles is er; je hoeft "
                "alleen te komen.",
                ("senioren", "met-een-beperking"),
                disciplines=("ambacht",),
            ),
        ),
    ),
    DemoProvider(
        slug="huis-van-de-wijk-venlo-noord",
        name="Huis van de Wijk Venlo-Noord",
        kind=Kind.COMMUNITY_CENTRE,
        district="venlo-noord",
        disciplines=("beeldende-kunst", "muziek"),
        venues=("hvdw-venlo-noord",),
        contact="Petra Douven",
        text=(
            "Het Huis van de Wijk Venlo-Noord heeft een grote zaal, een atelier en een keuken. "
            "Clubs en verenigingen uit de buurt voelen zich hier thuis."
        ),
        follow_up="Een wekelijkse club kost € 15 per kwartaal.",
        activities=(
            DemoActivity(
                "Open atelier: tekenen en schilderen",
                "Kom tekenen of schilderen in ons atelier. Een vrijwilliger helpt als je dat "
                "wilt. Materiaal is er.",
                ("volwassenen", "senioren", "met-een-beperking"),
                walk_in=True,
            ),
            DemoActivity(
                "Muziekmiddag: liedjes van vroeger",
                "Een duo speelt liedjes uit de jaren vijftig en zestig. Zing mee, dans mee of "
                "luister en geniet.",
                SENIORS,
                (65, None),
                disciplines=("muziek",),
            ),
        ),
    ),
    DemoProvider(
        slug="huis-van-de-wijk-venlo-oost",
        name="Huis van de Wijk Venlo-Oost",
        kind=Kind.COMMUNITY_CENTRE,
        district="venlo-oost",
        disciplines=("ambacht", "fotografie"),
        venues=("hvdw-venlo-oost",),
        contact="Johan Nelissen",
        text=(
            "Het Huis van de Wijk Venlo-Oost is een ontmoetingsplek voor iedereen uit de wijk. "
            "Er zijn clubs voor kinderen, jongeren en ouderen."
        ),
        follow_up="De clubs kosten € 1 per keer. Vrijwilligers zijn altijd welkom.",
        activities=(
            DemoActivity(
                "Houtbewerken voor beginners",
                "Zaag, schuur en lijm een vogelhuisje. In onze werkplaats leer je veilig werken "
                "met gereedschap.",
                ("volwassenen", "jongeren"),
                (12, None),
            ),
            DemoActivity(
                "Oude foto's digitaal maken",
                "Heb je oude foto's in een doos? Samen scannen we ze en zetten we ze op je "
                "telefoon of op een USB-stick.",
                SENIORS,
                (65, None),
                disciplines=("fotografie",),
                bring="Tien tot twintig oude foto's.",
            ),
        ),
    ),
    DemoProvider(
        slug="gemeenschapshuis-hout-blerick",
        name="Gemeenschapshuis Hout-Blerick",
        kind=Kind.COMMUNITY_CENTRE,
        district="hout-blerick",
        disciplines=("zang", "theater"),
        venues=("gemeenschapshuis-hout-blerick",),
        contact="Wilma Rutten",
        text=(
            "Het gemeenschapshuis is het hart van het dorp. Verenigingen, families en buren "
            "komen hier samen."
        ),
        follow_up="De meeste clubs kosten tussen € 2 en € 5 per keer.",
        activities=(
            DemoActivity(
                "Meezingmiddag in het dorp",
                "Zingen uit volle borst met een accordeonist. De teksten staan op een groot "
                "scherm.",
                ADULTS,
                walk_in=True,
            ),
            DemoActivity(
                "Poppenkast maken en spelen",
                "Maak een handpop van een sok en speel een kort toneelstukje in onze poppenkast.",
                ("kinderen", "gezinnen"),
                (4, 10),
                disciplines=("theater",),
            ),
        ),
    ),
    # Waits for approval, so none of its activities may be public yet.
    DemoProvider(
        slug="dichtersgroep-de-rijmelaars",
        name="Dichtersgroep De Rijmelaars",
        kind=Kind.ASSOCIATION,
        district="venlo-zuid",
        disciplines=("literatuur",),
        venues=("bibliotheek-venlo",),
        contact="Gert Poels",
        text="Wij schrijven en lezen gedichten, in het Nederlands en in het Venloos.",
        follow_up="Lid worden kost € 20 per jaar.",
        status=Provider.Status.PENDING,
        activities=(
            DemoActivity(
                "Gedichten schrijven voor beginners",
                "Schrijf je eerste gedicht met hulp van ervaren dichters.",
                ADULTS,
                (16, None),
                state=ActivityState.SUBMITTED,
            ),
        ),
    ),
)


# The providers' own English and German titles and summaries (issue 14), by activity slug.
TRANSLATIONS = {
    "rondleiding-limburgs-museum": {
        "title_en": "Guided tour of the Limburgs Museum",
        "summary_en": "A guide takes you through 10,000 years of Limburg: hunters, monks, "
        "smugglers and miners. The tour is in Dutch; ask your questions in English.",
        "title_de": "Führung durch das Limburgs Museum",
        "summary_de": "Eine Führerin zeigt dir 10.000 Jahre Limburg: Jäger, Mönche, Schmuggler "
        "und Bergleute. Die Führung ist auf Niederländisch; Fragen gern auf Deutsch.",
    },
    "dansen-uit-de-hele-wereld": {
        "title_en": "Dances from all over the world",
        "summary_en": "Dances from Greece, Turkey, Serbia and Limburg. You learn by watching, "
        "so you need no Dutch. Show us a dance from your country too!",
        "title_de": "Tänze aus aller Welt",
        "summary_de": "Tänze aus Griechenland, der Türkei, Serbien und Limburg. Du lernst durch "
        "Zuschauen, Niederländisch brauchst du nicht.",
    },
}
