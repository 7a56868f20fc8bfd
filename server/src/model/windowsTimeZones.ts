/**
 * Windows time zone IDs (the only `timeZone` values Logic Apps accept) and the IANA names that
 * map to them, after the CLDR windowsZones table. Facts, not code: kept as data.
 */
const zones: ReadonlyArray<readonly [windowsId: string, ianaNames: string]> = [
  ['Dateline Standard Time', 'Etc/GMT+12'],
  ['UTC-11', 'Etc/GMT+11 Pacific/Pago_Pago Pacific/Niue Pacific/Midway Pacific/Samoa US/Samoa'],
  ['Aleutian Standard Time', 'America/Adak America/Atka US/Aleutian'],
  ['Hawaiian Standard Time', 'Pacific/Honolulu Pacific/Rarotonga Pacific/Tahiti Etc/GMT+10 US/Hawaii Pacific/Johnston'],
  ['Marquesas Standard Time', 'Pacific/Marquesas'],
  ['Alaskan Standard Time', 'America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat US/Alaska'],
  ['UTC-09', 'Etc/GMT+9 Pacific/Gambier'],
  ['Pacific Standard Time (Mexico)', 'America/Tijuana America/Santa_Isabel America/Ensenada Mexico/BajaNorte'],
  ['UTC-08', 'Etc/GMT+8 Pacific/Pitcairn'],
  ['Pacific Standard Time', 'America/Los_Angeles America/Vancouver PST8PDT US/Pacific Canada/Pacific'],
  ['US Mountain Standard Time', 'America/Phoenix America/Creston America/Dawson_Creek America/Fort_Nelson America/Hermosillo Etc/GMT+7 US/Arizona'],
  ['Mountain Standard Time (Mexico)', 'America/Mazatlan Mexico/BajaSur'],
  ['Mountain Standard Time', 'America/Denver America/Boise America/Edmonton America/Cambridge_Bay America/Inuvik America/Ciudad_Juarez MST7MDT US/Mountain America/Yellowknife America/Shiprock Navajo Canada/Mountain'],
  ['Yukon Standard Time', 'America/Whitehorse America/Dawson'],
  ['Central America Standard Time', 'America/Guatemala America/Belize America/Costa_Rica America/El_Salvador America/Managua America/Tegucigalpa Pacific/Galapagos Etc/GMT+6'],
  ['Central Standard Time', 'America/Chicago America/Winnipeg America/Indiana/Knox America/Indiana/Tell_City America/Menominee America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Rankin_Inlet America/Resolute America/Matamoros America/Ojinaga CST6CDT US/Central America/Rainy_River America/Knox_IN US/Indiana-Starke Canada/Central'],
  ['Easter Island Standard Time', 'Pacific/Easter'],
  ['Central Standard Time (Mexico)', 'America/Mexico_City America/Bahia_Banderas America/Merida America/Monterrey America/Chihuahua Mexico/General'],
  ['Canada Central Standard Time', 'America/Regina America/Swift_Current Canada/Saskatchewan'],
  ['SA Pacific Standard Time', 'America/Bogota America/Lima America/Panama America/Guayaquil America/Jamaica America/Cayman America/Rio_Branco America/Eirunepe America/Coral_Harbour America/Atikokan Etc/GMT+5 Jamaica'],
  ['Eastern Standard Time (Mexico)', 'America/Cancun'],
  ['Eastern Standard Time', 'America/New_York America/Detroit America/Toronto America/Nassau America/Iqaluit America/Kentucky/Louisville America/Kentucky/Monticello America/Louisville America/Montreal EST5EDT US/Eastern US/Michigan America/Thunder_Bay America/Nipigon America/Pangnirtung Canada/Eastern'],
  ['Haiti Standard Time', 'America/Port-au-Prince'],
  ['Cuba Standard Time', 'America/Havana Cuba'],
  ['US Eastern Standard Time', 'America/Indiana/Indianapolis America/Indianapolis America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Fort_Wayne US/East-Indiana'],
  ['Turks And Caicos Standard Time', 'America/Grand_Turk'],
  ['Paraguay Standard Time', 'America/Asuncion'],
  ['Atlantic Standard Time', 'America/Halifax America/Glace_Bay America/Goose_Bay America/Moncton America/Thule Atlantic/Bermuda Canada/Atlantic'],
  ['Venezuela Standard Time', 'America/Caracas'],
  ['Central Brazilian Standard Time', 'America/Cuiaba America/Campo_Grande'],
  ['SA Western Standard Time', 'America/La_Paz America/Puerto_Rico America/Santo_Domingo America/Manaus America/Boa_Vista America/Porto_Velho America/Barbados America/Martinique America/Port_of_Spain America/Guyana America/Curacao America/Aruba America/St_Thomas Etc/GMT+4 America/Antigua America/Anguilla America/Blanc-Sablon America/Dominica America/Grenada America/Guadeloupe America/Kralendijk America/Lower_Princes America/Marigot America/Montserrat America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Vincent America/Tortola Brazil/West'],
  ['Pacific SA Standard Time', 'America/Santiago Chile/Continental'],
  ['Newfoundland Standard Time', 'America/St_Johns Canada/Newfoundland'],
  ['Tocantins Standard Time', 'America/Araguaina'],
  ['E. South America Standard Time', 'America/Sao_Paulo Brazil/East'],
  ['SA Eastern Standard Time', 'America/Cayenne America/Fortaleza America/Belem America/Maceio America/Recife America/Santarem America/Paramaribo Atlantic/Stanley Antarctica/Rothera Etc/GMT+3 Antarctica/Palmer'],
  ['Argentina Standard Time', 'America/Argentina/Buenos_Aires America/Buenos_Aires America/Argentina/Cordoba America/Cordoba America/Argentina/Mendoza America/Argentina/Salta America/Argentina/Ushuaia America/Argentina/Catamarca America/Catamarca America/Argentina/Jujuy America/Jujuy America/Argentina/La_Rioja America/Argentina/Rio_Gallegos America/Argentina/San_Juan America/Argentina/San_Luis America/Argentina/Tucuman America/Mendoza'],
  ['Greenland Standard Time', 'America/Nuuk America/Godthab'],
  ['Montevideo Standard Time', 'America/Montevideo'],
  ['Magallanes Standard Time', 'America/Punta_Arenas'],
  ['Saint Pierre Standard Time', 'America/Miquelon'],
  ['Bahia Standard Time', 'America/Bahia'],
  ['UTC-02', 'Etc/GMT+2 America/Noronha Atlantic/South_Georgia'],
  ['Mid-Atlantic Standard Time', ''],
  ['Azores Standard Time', 'Atlantic/Azores America/Scoresbysund'],
  ['Cape Verde Standard Time', 'Atlantic/Cape_Verde Etc/GMT+1'],
  ['UTC', 'Etc/UTC Etc/GMT UTC GMT Etc/Universal Etc/Zulu Etc/GMT+0 Etc/GMT-0 Universal Zulu Etc/UCT UCT Etc/Greenwich Greenwich America/Danmarkshavn'],
  ['GMT Standard Time', 'Europe/London Europe/Dublin Europe/Lisbon Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Atlantic/Canary Atlantic/Faroe Atlantic/Madeira Europe/Belfast Atlantic/Faeroe GB GB-Eire Eire Portugal'],
  ['Greenwich Standard Time', 'Atlantic/Reykjavik Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Atlantic/St_Helena Africa/Timbuktu Iceland'],
  ['Sao Tome Standard Time', 'Africa/Sao_Tome'],
  ['Morocco Standard Time', 'Africa/Casablanca Africa/El_Aaiun'],
  ['W. Europe Standard Time', 'Europe/Berlin Europe/Amsterdam Europe/Andorra Europe/Busingen Europe/Gibraltar Europe/Luxembourg Europe/Malta Europe/Monaco Europe/Oslo Europe/Rome Europe/San_Marino Europe/Stockholm Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Zurich Arctic/Longyearbyen Atlantic/Jan_Mayen'],
  ['Central Europe Standard Time', 'Europe/Budapest Europe/Belgrade Europe/Bratislava Europe/Ljubljana Europe/Podgorica Europe/Prague Europe/Tirane'],
  ['Romance Standard Time', 'Europe/Paris Europe/Brussels Europe/Copenhagen Europe/Madrid Africa/Ceuta'],
  ['Central European Standard Time', 'Europe/Warsaw Europe/Sarajevo Europe/Skopje Europe/Zagreb Poland'],
  ['W. Central Africa Standard Time', 'Africa/Lagos Africa/Algiers Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey Africa/Porto-Novo Africa/Tunis Etc/GMT-1'],
  ['Jordan Standard Time', 'Asia/Amman'],
  ['GTB Standard Time', 'Europe/Bucharest Europe/Athens Asia/Nicosia Asia/Famagusta Europe/Nicosia'],
  ['Middle East Standard Time', 'Asia/Beirut'],
  ['Egypt Standard Time', 'Africa/Cairo Egypt'],
  ['E. Europe Standard Time', 'Europe/Chisinau Europe/Tiraspol'],
  ['Syria Standard Time', 'Asia/Damascus'],
  ['West Bank Standard Time', 'Asia/Hebron Asia/Gaza'],
  ['South Africa Standard Time', 'Africa/Johannesburg Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo Africa/Maseru Africa/Mbabane Etc/GMT-2'],
  ['FLE Standard Time', 'Europe/Kyiv Europe/Kiev Europe/Helsinki Europe/Mariehamn Europe/Riga Europe/Sofia Europe/Tallinn Europe/Vilnius Europe/Uzhgorod Europe/Zaporozhye'],
  ['Israel Standard Time', 'Asia/Jerusalem Asia/Tel_Aviv Israel'],
  ['South Sudan Standard Time', 'Africa/Juba'],
  ['Kaliningrad Standard Time', 'Europe/Kaliningrad'],
  ['Sudan Standard Time', 'Africa/Khartoum'],
  ['Libya Standard Time', 'Africa/Tripoli Libya'],
  ['Namibia Standard Time', 'Africa/Windhoek'],
  ['Arabic Standard Time', 'Asia/Baghdad'],
  ['Turkey Standard Time', 'Europe/Istanbul Asia/Istanbul Turkey'],
  ['Arab Standard Time', 'Asia/Riyadh Asia/Aden Asia/Bahrain Asia/Kuwait Asia/Qatar'],
  ['Belarus Standard Time', 'Europe/Minsk'],
  ['Russian Standard Time', 'Europe/Moscow Europe/Kirov Europe/Simferopol W-SU'],
  ['E. Africa Standard Time', 'Africa/Nairobi Africa/Addis_Ababa Africa/Asmara Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Indian/Antananarivo Indian/Comoro Indian/Mayotte Etc/GMT-3 Africa/Asmera Antarctica/Syowa'],
  ['Volgograd Standard Time', 'Europe/Volgograd'],
  ['Iran Standard Time', 'Asia/Tehran Iran'],
  ['Arabian Standard Time', 'Asia/Dubai Asia/Muscat Etc/GMT-4'],
  ['Astrakhan Standard Time', 'Europe/Astrakhan Europe/Ulyanovsk'],
  ['Azerbaijan Standard Time', 'Asia/Baku'],
  ['Russia Time Zone 3', 'Europe/Samara'],
  ['Mauritius Standard Time', 'Indian/Mauritius Indian/Mahe Indian/Reunion'],
  ['Saratov Standard Time', 'Europe/Saratov'],
  ['Georgian Standard Time', 'Asia/Tbilisi'],
  ['Caucasus Standard Time', 'Asia/Yerevan'],
  ['Afghanistan Standard Time', 'Asia/Kabul'],
  ['West Asia Standard Time', 'Asia/Tashkent Asia/Samarkand Asia/Aqtau Asia/Aqtobe Asia/Atyrau Asia/Oral Asia/Dushanbe Asia/Ashgabat Indian/Kerguelen Indian/Maldives Etc/GMT-5 Asia/Ashkhabad Antarctica/Mawson'],
  ['Ekaterinburg Standard Time', 'Asia/Yekaterinburg'],
  ['Pakistan Standard Time', 'Asia/Karachi'],
  ['Qyzylorda Standard Time', 'Asia/Qyzylorda'],
  ['India Standard Time', 'Asia/Kolkata Asia/Calcutta'],
  ['Sri Lanka Standard Time', 'Asia/Colombo'],
  ['Nepal Standard Time', 'Asia/Kathmandu Asia/Katmandu'],
  ['Central Asia Standard Time', 'Asia/Almaty Asia/Bishkek Asia/Qostanay Asia/Urumqi Indian/Chagos Etc/GMT-6 Asia/Kashgar'],
  ['Bangladesh Standard Time', 'Asia/Dhaka Asia/Thimphu Asia/Dacca Asia/Thimbu'],
  ['Omsk Standard Time', 'Asia/Omsk'],
  ['Myanmar Standard Time', 'Asia/Yangon Asia/Rangoon Indian/Cocos'],
  ['SE Asia Standard Time', 'Asia/Bangkok Asia/Jakarta Asia/Ho_Chi_Minh Asia/Saigon Asia/Phnom_Penh Asia/Vientiane Asia/Pontianak Indian/Christmas Etc/GMT-7 Antarctica/Davis'],
  ['Altai Standard Time', 'Asia/Barnaul'],
  ['W. Mongolia Standard Time', 'Asia/Hovd'],
  ['North Asia Standard Time', 'Asia/Krasnoyarsk Asia/Novokuznetsk'],
  ['N. Central Asia Standard Time', 'Asia/Novosibirsk'],
  ['Tomsk Standard Time', 'Asia/Tomsk'],
  ['China Standard Time', 'Asia/Shanghai Asia/Chongqing Asia/Hong_Kong Asia/Macau PRC Asia/Chungking Asia/Harbin Asia/Macao Hongkong'],
  ['North Asia East Standard Time', 'Asia/Irkutsk'],
  ['Singapore Standard Time', 'Asia/Singapore Asia/Kuala_Lumpur Asia/Kuching Asia/Brunei Asia/Makassar Asia/Manila Etc/GMT-8 Asia/Ujung_Pandang Singapore'],
  ['W. Australia Standard Time', 'Australia/Perth Australia/West'],
  ['Taipei Standard Time', 'Asia/Taipei ROC'],
  ['Ulaanbaatar Standard Time', 'Asia/Ulaanbaatar Asia/Choibalsan Asia/Ulan_Bator'],
  ['Aus Central W. Standard Time', 'Australia/Eucla'],
  ['Transbaikal Standard Time', 'Asia/Chita'],
  ['Tokyo Standard Time', 'Asia/Tokyo Asia/Jayapura Asia/Dili Pacific/Palau Etc/GMT-9 Japan'],
  ['North Korea Standard Time', 'Asia/Pyongyang'],
  ['Korea Standard Time', 'Asia/Seoul ROK'],
  ['Yakutsk Standard Time', 'Asia/Yakutsk Asia/Khandyga'],
  ['Cen. Australia Standard Time', 'Australia/Adelaide Australia/Broken_Hill Australia/South Australia/Yancowinna'],
  ['AUS Central Standard Time', 'Australia/Darwin Australia/North'],
  ['E. Australia Standard Time', 'Australia/Brisbane Australia/Lindeman Australia/Queensland'],
  ['AUS Eastern Standard Time', 'Australia/Sydney Australia/Melbourne Australia/Canberra Australia/ACT Australia/NSW Australia/Victoria'],
  ['West Pacific Standard Time', 'Pacific/Port_Moresby Pacific/Guam Pacific/Saipan Pacific/Chuuk Antarctica/DumontDUrville Etc/GMT-10 Pacific/Truk'],
  ['Tasmania Standard Time', 'Australia/Hobart Australia/Currie Australia/Tasmania Antarctica/Macquarie'],
  ['Vladivostok Standard Time', 'Asia/Vladivostok Asia/Ust-Nera'],
  ['Lord Howe Standard Time', 'Australia/Lord_Howe Australia/LHI'],
  ['Bougainville Standard Time', 'Pacific/Bougainville'],
  ['Russia Time Zone 10', 'Asia/Srednekolymsk'],
  ['Magadan Standard Time', 'Asia/Magadan'],
  ['Norfolk Standard Time', 'Pacific/Norfolk'],
  ['Sakhalin Standard Time', 'Asia/Sakhalin'],
  ['Central Pacific Standard Time', 'Pacific/Guadalcanal Pacific/Noumea Pacific/Efate Pacific/Pohnpei Pacific/Kosrae Etc/GMT-11 Pacific/Ponape'],
  ['Russia Time Zone 11', 'Asia/Kamchatka Asia/Anadyr'],
  ['New Zealand Standard Time', 'Pacific/Auckland Antarctica/McMurdo NZ Antarctica/South_Pole'],
  ['UTC+12', 'Etc/GMT-12 Pacific/Tarawa Pacific/Majuro Pacific/Kwajalein Pacific/Funafuti Pacific/Nauru Pacific/Wake Pacific/Wallis Kwajalein'],
  ['Fiji Standard Time', 'Pacific/Fiji'],
  ['Kamchatka Standard Time', ''],
  ['Chatham Islands Standard Time', 'Pacific/Chatham NZ-CHAT'],
  ['UTC+13', 'Etc/GMT-13 Pacific/Enderbury Pacific/Kanton Pacific/Fakaofo'],
  ['Tonga Standard Time', 'Pacific/Tongatapu'],
  ['Samoa Standard Time', 'Pacific/Apia'],
  ['Line Islands Standard Time', 'Pacific/Kiritimati Etc/GMT-14'],
];

/** Abbreviations people write instead of a zone (only those that name one zone in practice; IST, AST, BST do not). */
const abbreviations: Readonly<Record<string, string>> = {
  est: 'Eastern Standard Time', edt: 'Eastern Standard Time', et: 'Eastern Standard Time',
  cst: 'Central Standard Time', cdt: 'Central Standard Time', ct: 'Central Standard Time',
  mst: 'Mountain Standard Time', mdt: 'Mountain Standard Time', mt: 'Mountain Standard Time',
  pst: 'Pacific Standard Time', pdt: 'Pacific Standard Time', pt: 'Pacific Standard Time',
  akst: 'Alaskan Standard Time', akdt: 'Alaskan Standard Time', hst: 'Hawaiian Standard Time',
  adt: 'Atlantic Standard Time', nst: 'Newfoundland Standard Time', ndt: 'Newfoundland Standard Time',
  cet: 'W. Europe Standard Time', cest: 'W. Europe Standard Time', wet: 'GMT Standard Time', west: 'GMT Standard Time', msk: 'Russian Standard Time',
  jst: 'Tokyo Standard Time', kst: 'Korea Standard Time', hkt: 'China Standard Time', sgt: 'Singapore Standard Time',
  awst: 'W. Australia Standard Time', acst: 'Cen. Australia Standard Time', acdt: 'Cen. Australia Standard Time',
  aest: 'AUS Eastern Standard Time', aedt: 'AUS Eastern Standard Time', nzst: 'New Zealand Standard Time', nzdt: 'New Zealand Standard Time',
  'coordinated universal time': 'UTC',
};

const windowsIds = new Map(zones.map(([id]) => [id.toLowerCase(), id]));

/** Every Windows time zone ID Logic Apps accept. */
export const windowsZoneIds: readonly string[] = zones.map(([id]) => id);
const byIana = new Map(zones.flatMap(([id, names]) => names.split(' ').filter((n) => n.length > 0).map((name) => [name.toLowerCase(), id] as const)));

/** The exact Windows ID for `zone` when it is one, in any letter case. */
export function windowsZoneId(zone: string): string | undefined {
  return windowsIds.get(zone.trim().toLowerCase());
}

/** The Windows ID that an IANA name or a common abbreviation stands for. */
export function windowsZoneFor(zone: string): string | undefined {
  const key = zone.trim().toLowerCase();
  return byIana.get(key) ?? abbreviations[key] ?? byIana.get(canonicalIana(zone.trim())?.toLowerCase() ?? '');
}

/** The runtime's canonical name for an IANA link the table does not list (`Canada/Yukon` -> `America/Whitehorse`). */
function canonicalIana(zone: string): string | undefined {
  // The runtime also takes three-letter IDs (AST resolves to Alaska, IST to India): only Area/City names are asked.
  if (!zone.includes('/')) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The zone to write into a Logic App for a configured zone: its exact Windows ID (the config
 * may hold an IANA name or another letter case), else `UTC` when it names no zone we know.
 */
export function logicAppTimeZone(configured: string | undefined): string {
  if (!configured || configured.trim() === '') return 'UTC';
  return windowsZoneId(configured) ?? windowsZoneFor(configured) ?? 'UTC';
}
