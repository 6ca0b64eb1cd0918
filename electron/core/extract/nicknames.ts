/**
 * Short forms of English given names ("Josh" for "Joshua", "Bill" for "William"): two mentions whose
 * first names are forms of one name, with the same surname, are one person, in an article and across
 * the library. Written for this project from common usage; lower case.
 */
const GROUPS = [
  'joshua josh',
  'william bill billy will willie liam',
  'robert bob bobby rob robbie bert',
  'richard dick rick ricky rich richie',
  'michael mike mikey mick mickey',
  'james jim jimmy jamie',
  'john jack johnny jon',
  'jonathan jon jonny nathan',
  'joseph joe joey',
  'thomas tom tommy',
  'christopher chris kit',
  'christine chris chrissy tina',
  'christina chris tina',
  'daniel dan danny',
  'david dave davey',
  'edward ed eddie ted ned',
  'elizabeth liz lizzie beth betty eliza libby',
  'katherine kate katie kathy kat',
  'catherine cathy kate katie cat',
  'kathleen kathy kate',
  'margaret maggie meg peggy marge',
  'patricia pat patty trish tricia',
  'patrick pat paddy',
  'jennifer jen jenny',
  'jessica jess jessie',
  'rebecca becky becca',
  'samuel sam sammy',
  'samantha sam sammie',
  'alexander alex sasha sandy',
  'alexandra alex sasha sandra',
  'andrew andy drew',
  'anthony tony',
  'benjamin ben benny',
  'charles charlie chuck chas',
  'donald don donnie',
  'douglas doug',
  'frederick fred freddie',
  'gregory greg',
  'harold harry hal',
  'henry harry hank',
  'jacob jake',
  'jeffrey jeff',
  'kenneth ken kenny',
  'lawrence larry',
  'leonard len lenny leo',
  'matthew matt',
  'nicholas nick nicky',
  'peter pete',
  'philip phil',
  'raymond ray',
  'ronald ron ronnie',
  'stephen steve stevie',
  'steven steve stevie',
  'timothy tim timmy',
  'theodore ted teddy theo',
  'vincent vince vinny',
  'zachary zach zack',
  'abigail abby',
  'barbara barb barbie',
  'deborah deb debbie',
  'dorothy dot dottie',
  'eleanor ellie nell',
  'gabriel gabe',
  'jacqueline jackie',
  'judith judy',
  'madeline maddie',
  'pamela pam',
  'susan sue susie',
  'suzanne sue suzy',
  'victoria vicky tori',
  'valentina valya',
  'vladimir volodya vova',
  'volodymyr volodya',
  'dmitry dima',
  'mikhail misha',
  'ekaterina katya',
  'aleksandr sasha',
  'mitchell mitch',
  'nathaniel nate nathan',
  'beverly bev',
  'cynthia cindy',
  'frances fran',
  'francis frank',
  'franklin frank',
  'gerald gerry jerry',
  'jerome jerry',
  'louis lou',
  'louise lou',
  'rodney rod',
  'roderick rod',
  'terence terry',
  'walter walt',
  'albert al bert',
  'alfred al alf',
  'allen al',
  'herbert herb',
  'isabella bella izzy',
  'melissa mel missy',
  'melanie mel',
  'nancy nan',
  'randolph randy',
  'randall randy',
  'ruth ruthie',
  'sylvia syl',
];

/** Lower-case name -> the full forms it belongs with (a short form can belong to several). */
const groupsOf = new Map<string, Set<number>>();
GROUPS.forEach((line, g) => {
  for (const name of line.split(' ')) {
    const set = groupsOf.get(name) ?? new Set<number>();
    set.add(g);
    groupsOf.set(name, set);
  }
});

/** Whether two given names (any case, accents kept) can name one person: equal, or forms of one name. */
export function sameGivenName(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/\.$/, '');
  const y = b.toLowerCase().replace(/\.$/, '');
  if (x === y) return true;
  const gx = groupsOf.get(x);
  const gy = groupsOf.get(y);
  if (gx === undefined || gy === undefined) return false;
  for (const g of gx) if (gy.has(g)) return true;
  return false;
}

/** The other forms of a given name (lower case), e.g. "josh" -> ["joshua"]; empty when none is known. */
export function givenNameForms(name: string): string[] {
  const x = name.toLowerCase();
  const forms = new Set<string>();
  for (const g of groupsOf.get(x) ?? []) for (const form of (GROUPS[g] as string).split(' ')) forms.add(form);
  forms.delete(x);
  return [...forms];
}
