/**
 * Words that say a person is a child or one of their family or carers. A full name beside one of
 * these is about a child's life, not a colleague's. "children" is left out on purpose: in QI text it
 * names services ("Children's Hearing", "Children's Services").
 */
export const CHILD_WORDS = new Set([
  'child', 'kid', 'boy', 'girl', 'baby', 'infant', 'toddler', 'teenager', 'son', 'daughter',
  'sibling', 'siblings', 'brother', 'sister', 'twin', 'mum', 'mam', 'mummy', 'mother', 'dad',
  'daddy', 'father', 'parent', 'parents', 'gran', 'granny', 'grandma', 'grandmother', 'grandad',
  'grandpa', 'grandfather', 'grandparent', 'grandparents', 'nana', 'aunt', 'auntie', 'aunty',
  'uncle', 'cousin', 'nephew', 'niece', 'stepmum', 'stepdad', 'stepmother', 'stepfather',
  'carer', 'carers', 'foster', 'kinship', 'placed', 'placement', 'pupil', 'yp',
]);

/**
 * Capitalised words that are not names in this work (services, panels, places, days, months,
 * sentence openers), so "Permanence Panel's decision" or "LAC Review" is not read as a person.
 */
export const NOT_NAMES = new Set([
  // Services, meetings and roles.
  'permanence', 'panel', 'panels', 'review', 'reviews', 'reviewing', 'hearing', 'hearings',
  'children', 'childrens', 'court', 'sheriff', 'council', 'team', 'teams', 'service', 'services',
  'social', 'work', 'worker', 'workers', 'care', 'health', 'visitor', 'board', 'group', 'groups',
  'meeting', 'meetings', 'plan', 'planning', 'agency', 'adoption', 'fostering', 'local', 'authority',
  'reporter', 'scra', 'nhs', 'lac', 'laac', 'adm', 'pace', 'qi', 'pdsa', 'aim', 'aims', 'measure',
  'test', 'change', 'idea', 'ideas', 'champion', 'champions', 'lead', 'leads', 'coach', 'manager',
  'managers', 'officer', 'chair', 'head', 'teacher', 'school', 'nursery', 'unit', 'house', 'centre',
  'center', 'home', 'homes', 'hospital', 'university', 'college', 'family', 'families', 'named',
  'person', 'independent', 'senior', 'principal', 'practice', 'practitioner', 'protection',
  'support', 'assessment', 'legal', 'partnership', 'trust', 'department', 'office',
  'looked', 'after', 'every', 'right', 'safety', 'signs', 'child', 'kinship', 'foster', 'carer',
  'carers', 'parent', 'parents', 'baby', 'birth', 'order', 'orders', 'decision', 'maker',
  'recommendation', 'application', 'permanency', 'compulsory', 'supervision', 'cso', 'ppo', 'ao',
  'name', 'names', 'number', 'date', 'dates', 'address', 'ref', 'reference', 'id', 'details',
  // Places.
  'north', 'south', 'east', 'west', 'central', 'city', 'county', 'lothian', 'lothians', 'glasgow',
  'edinburgh', 'aberdeen', 'dundee', 'fife', 'highland', 'scotland', 'scottish', 'england', 'wales',
  'street', 'road', 'lane', 'avenue', 'drive', 'place', 'park',
  // Days and months.
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
  // Words that open a sentence with a capital.
  'the', 'a', 'an', 'and', 'but', 'or', 'so', 'if', 'when', 'then', 'after', 'before', 'at', 'in',
  'on', 'for', 'with', 'from', 'to', 'by', 'as', 'it', 'its', 'our', 'we', 'he', 'she', 'they',
  'his', 'her', 'their', 'my', 'your', 'this', 'that', 'these', 'those', 'new', 'next', 'last',
  'first', 'second', 'third', 'today', 'yesterday', 'tomorrow', 'please', 'thanks', 'hi', 'hello',
  'dear', 'also', 'all', 'some', 'no', 'not', 'yes', 'one', 'two', 'three', 'what', 'who', 'why',
  'how', 'where', 'which', 'did', 'does', 'do', 'was', 'is', 'are', 'will', 'can', 'could', 'should',
]);
