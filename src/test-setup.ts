// fake-indexeddb must install its globals before Dexie is first imported.
import 'fake-indexeddb/auto';
