"""The places and organisations the facts know by name, each alias with its canonical name."""

# Value format (Fact.value of an organisation or a place): a canonical name: "Reuters", "Bank of
# Japan", "US Treasury", "United States" (for US, U.S., USA, America, United States).

from __future__ import annotations

PLACES: dict[str, str] = {}
for _line in """
United States: United States|United States of America|US|U.S.|USA|U.S.A.|America
United Kingdom: United Kingdom|UK|U.K.|Britain|Great Britain
Washington: Washington|Washington, D.C.|Washington D.C.|D.C.
South Korea: South Korea|Republic of Korea
North Korea: North Korea|DPRK
China: China|People's Republic of China
Hong Kong: Hong Kong
Taiwan: Taiwan
New York: New York|New York City
Kyiv: Kyiv|Kiev
""".strip().splitlines():
    _canonical, _aliases = _line.split(": ")
    for _alias in _aliases.split("|"):
        PLACES[_alias] = _canonical
for _place in """Japan Tokyo Osaka Kyoto Yokohama Milan Rome Paris Berlin London Madrid Lisbon Brussels
Amsterdam Geneva Zurich Davos Vienna Stockholm Oslo Copenhagen Helsinki Warsaw Prague Budapest Athens
Istanbul Ankara Moscow Minsk Tehran Baghdad Riyadh Dubai Doha Cairo Jerusalem Gaza Damascus Beirut
Nairobi Lagos Johannesburg Beijing Shanghai Shenzhen Guangzhou Taipei Seoul Pyongyang Singapore Bangkok
Jakarta Manila Hanoi Delhi Mumbai Karachi Islamabad Dhaka Sydney Melbourne Canberra Auckland Ottawa Toronto
Vancouver Chicago Boston Houston Miami Frankfurt Munich Barcelona Brasília Bogotá Lima Santiago
Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
Belarus Belgium Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Cambodia Cameroon Canada Chad Chile
Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt Estonia Ethiopia Fiji Finland France
Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland
Israel Italy Jamaica Jordan Kazakhstan Kenya Kuwait Laos Latvia Lebanon Libya Lithuania Luxembourg
Madagascar Malaysia Mali Malta Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal
Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland
Portugal Qatar Romania Russia Rwanda Senegal Serbia Slovakia Slovenia Somalia Spain Sudan Sweden
Switzerland Syria Tajikistan Tanzania Thailand Tunisia Turkey Türkiye Uganda Ukraine Uruguay Uzbekistan
Venezuela Vietnam Yemen Zambia Zimbabwe Asia Europe Africa Oceania Antarctica Arctic""".split():
    PLACES[_place] = _place
for _place in ("Middle East", "Latin America", "South America", "North America", "Central America",
               "Southeast Asia", "East Asia", "South Asia", "Asia-Pacific", "Saudi Arabia", "South Africa",
               "New Zealand", "Sri Lanka", "Czech Republic", "Abu Dhabi", "Tel Aviv", "Kuala Lumpur",
               "New Delhi", "Los Angeles", "San Francisco", "Mexico City", "Cape Town", "Rio de Janeiro",
               "São Paulo", "Buenos Aires", "United Arab Emirates"):
    PLACES[_place] = _place

ORGANISATIONS: dict[str, str] = {}
for _line in """
Reuters: Reuters|Thomson Reuters
AFP: AFP|Agence France-Presse
Associated Press: AP|Associated Press
Bloomberg: Bloomberg
Kyodo News: Kyodo|Kyodo News
NHK: NHK
Nikkei: Nikkei
Xinhua: Xinhua
CNN: CNN
BBC: BBC
TV Tokyo: TV Tokyo
Lianhe Zaobao: Lianhe Zaobao|Zaobao
Channel NewsAsia: Channel NewsAsia|Channel News Asia|CHANNELNEWSASIA|CNA
South China Morning Post: South China Morning Post|SCMP
India Times: India Times|Indiatimes
Times of India: Times of India|The Times of India|TOI
TRT Global: TRT|TRT Global|TRT World
Nomura: Nomura|Nomura Holdings|Nomura Securities
Westpac: Westpac
Monex Group: Monex Group|Monex
SoftBank: SoftBank|SoftBank Group
CLSA: CLSA
Goldman Sachs: Goldman Sachs
JPMorgan: JPMorgan|J.P. Morgan|JPMorgan Chase
Morgan Stanley: Morgan Stanley
Citigroup: Citigroup|Citi
HSBC: HSBC
Barclays: Barclays
UBS: UBS
BlackRock: BlackRock
Toyota: Toyota|Toyota Motor
Honda: Honda
Nissan: Nissan
Sony: Sony
Bank of Japan: Bank of Japan|BOJ|BoJ
Federal Reserve: Federal Reserve|US Federal Reserve|U.S. Federal Reserve|Fed
European Central Bank: European Central Bank|ECB
Bank of England: Bank of England|BoE
People's Bank of China: People's Bank of China|PBOC|PBoC
International Monetary Fund: International Monetary Fund|IMF
World Bank: World Bank
World Trade Organization: World Trade Organization|WTO
OECD: OECD
United Nations: United Nations|UN|U.N.
European Union: European Union|EU
NATO: NATO
OPEC: OPEC
ASEAN: ASEAN
G7: G7|G-7|Group of Seven
G20: G20|G-20|Group of 20
White House: White House
US Congress: Congress|US Congress|U.S. Congress
Pentagon: Pentagon
Kremlin: Kremlin
US Treasury: Treasury|US Treasury|U.S. Treasury|United States Treasury|Treasury Department|US Treasury Department|U.S. Treasury Department|Department of the Treasury
HM Treasury: HM Treasury
Ministry of Finance: Ministry of Finance|Finance Ministry
US Trade Representative: USTR|US Trade Representative|U.S. Trade Representative
Commerce Department: Commerce Department|Department of Commerce
""".strip().splitlines():
    _canonical, _aliases = _line.split(": ")
    for _alias in _aliases.split("|"):
        ORGANISATIONS[_alias] = _canonical
