import { searchSuite } from './searchSuite.js';

searchSuite({ memory: true });
