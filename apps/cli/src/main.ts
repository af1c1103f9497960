import { probe } from '@trailpulse/event-schema'; import { Command } from 'commander'; console.log('hello', probe, typeof Command, process.argv.slice(2));
