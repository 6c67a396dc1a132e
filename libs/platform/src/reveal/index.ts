export * from './personal-data-reveal.entity';
export * from './personal-data-reveal.migration';
export * from './personal-data-reveal.service';
export * from './reveal-request.dto';
export * from './reveals-personal-data.decorator';
