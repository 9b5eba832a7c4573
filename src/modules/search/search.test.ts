import { searchSuite } from './searchSuite.js';

searchSuite({ memory: false });
